package io.tradekit.cache.support;

import com.alicp.jetcache.Cache;
import com.alicp.jetcache.CacheLoader;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Wraps a loader so that a {@code null} result is cached for a short time: the next reads of a
 * missing row hit the cache instead of the database (penetration), and a row created later is
 * seen once the short entry expires.
 *
 * <p>The null is written from inside the load, i.e. while JetCache's penetration protection still
 * holds the key, so threads waiting on this load do not start their own.
 */
final class NullCachingLoader<K, V> implements CacheLoader<K, V> {

    private final Function<K, V> delegate;
    private final Cache<K, V> target;
    private final long nullExpireMillis;

    NullCachingLoader(Function<K, V> delegate, Cache<K, V> target, Duration nullExpire) {
        this.delegate = delegate;
        this.target = target;
        this.nullExpireMillis = nullExpire.toMillis();
    }

    @Override
    public V load(K key) throws Throwable {
        V value = delegate instanceof CacheLoader<K, V> loader ? loader.load(key) : delegate.apply(key);
        if (value == null && !vetoCacheUpdate()) {
            target.PUT(key, null, nullExpireMillis, TimeUnit.MILLISECONDS);
        }
        return value;
    }

    @Override
    public boolean vetoCacheUpdate() {
        return delegate instanceof CacheLoader<K, V> loader && loader.vetoCacheUpdate();
    }
}
