package io.tradekit.cache.support;

import com.alicp.jetcache.Cache;
import com.alicp.jetcache.CacheResult;
import com.alicp.jetcache.SimpleProxyCache;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The face of every cache {@link TradekitCacheManager} hands to JetCache's annotations and to
 * application code: writes and invalidations wait for the current transaction to commit (and are
 * dropped on rollback), and loads that return {@code null} are cached briefly.
 *
 * <p>Why after commit: {@code @CacheInvalidate} runs when its method returns, which inside a
 * transaction is before the commit; an instance reading the row in between would re-cache the old
 * value, and the broadcast would already be gone. Deferred, the remote delete and the broadcast
 * happen once the new row is visible to everybody.
 */
public final class TradekitCache<K, V> extends SimpleProxyCache<K, V> {

    private final Duration nullExpire;
    private final boolean afterCommit;

    TradekitCache(Cache<K, V> target, Duration nullExpire, boolean afterCommit) {
        super(target);
        this.nullExpire = nullExpire;
        this.afterCommit = afterCommit;
    }

    private boolean deferred(Runnable operation) {
        return afterCommit && AfterCommit.defer(operation);
    }

    private Function<K, V> loader(Function<K, V> loader) {
        return nullExpire == null || loader == null ? loader : new NullCachingLoader<>(loader, cache, nullExpire);
    }

    @Override
    public V computeIfAbsent(K key, Function<K, V> loader) {
        return cache.computeIfAbsent(key, loader(loader), cache.config().isCacheNullValue());
    }

    @Override
    public V computeIfAbsent(K key, Function<K, V> loader, boolean cacheNullWhenLoaderReturnNull) {
        return cache.computeIfAbsent(key, loader(loader), cacheNullWhenLoaderReturnNull);
    }

    @Override
    public V computeIfAbsent(K key, Function<K, V> loader, boolean cacheNullWhenLoaderReturnNull,
                             long expireAfterWrite, TimeUnit timeUnit) {
        return cache.computeIfAbsent(key, loader(loader), cacheNullWhenLoaderReturnNull, expireAfterWrite, timeUnit);
    }

    @Override
    public void put(K key, V value) {
        if (!deferred(() -> cache.put(key, value))) {
            cache.put(key, value);
        }
    }

    @Override
    public void put(K key, V value, long expireAfterWrite, TimeUnit timeUnit) {
        if (!deferred(() -> cache.put(key, value, expireAfterWrite, timeUnit))) {
            cache.put(key, value, expireAfterWrite, timeUnit);
        }
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map) {
        if (!deferred(() -> cache.putAll(map))) {
            cache.putAll(map);
        }
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> map, long expireAfterWrite, TimeUnit timeUnit) {
        if (!deferred(() -> cache.putAll(map, expireAfterWrite, timeUnit))) {
            cache.putAll(map, expireAfterWrite, timeUnit);
        }
    }

    @Override
    public boolean remove(K key) {
        return deferred(() -> cache.remove(key)) || cache.remove(key);
    }

    @Override
    public void removeAll(Set<? extends K> keys) {
        if (!deferred(() -> cache.removeAll(keys))) {
            cache.removeAll(keys);
        }
    }

    @Override
    public CacheResult PUT(K key, V value) {
        return deferred(() -> cache.PUT(key, value)) ? CacheResult.SUCCESS_WITHOUT_MSG : cache.PUT(key, value);
    }

    @Override
    public CacheResult PUT(K key, V value, long expireAfterWrite, TimeUnit timeUnit) {
        return deferred(() -> cache.PUT(key, value, expireAfterWrite, timeUnit))
                ? CacheResult.SUCCESS_WITHOUT_MSG : cache.PUT(key, value, expireAfterWrite, timeUnit);
    }

    @Override
    public CacheResult PUT_ALL(Map<? extends K, ? extends V> map) {
        return deferred(() -> cache.PUT_ALL(map)) ? CacheResult.SUCCESS_WITHOUT_MSG : cache.PUT_ALL(map);
    }

    @Override
    public CacheResult PUT_ALL(Map<? extends K, ? extends V> map, long expireAfterWrite, TimeUnit timeUnit) {
        return deferred(() -> cache.PUT_ALL(map, expireAfterWrite, timeUnit))
                ? CacheResult.SUCCESS_WITHOUT_MSG : cache.PUT_ALL(map, expireAfterWrite, timeUnit);
    }

    @Override
    public CacheResult REMOVE(K key) {
        return deferred(() -> cache.REMOVE(key)) ? CacheResult.SUCCESS_WITHOUT_MSG : cache.REMOVE(key);
    }

    @Override
    public CacheResult REMOVE_ALL(Set<? extends K> keys) {
        return deferred(() -> cache.REMOVE_ALL(keys)) ? CacheResult.SUCCESS_WITHOUT_MSG : cache.REMOVE_ALL(keys);
    }
}
