package io.tradekit.cache.redisson;

import com.alicp.jetcache.CacheGetResult;
import com.alicp.jetcache.CacheResult;
import com.alicp.jetcache.CacheResultCode;
import com.alicp.jetcache.MultiGetResult;
import com.alicp.jetcache.redisson.RedissonCache;
import com.alicp.jetcache.redisson.RedissonCacheConfig;
import io.tradekit.cache.remote.RemoteBreaker;
import io.tradekit.cache.serial.CacheSerializationException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JetCache's Redisson remote cache behind a {@link RemoteBreaker}: a skipped call answers
 * "failed" at once, which the two-level cache treats as a miss (reads) or a local-only write.
 */
final class GuardedRedissonCache<K, V> extends RedissonCache<K, V> {

    private static final Logger log = LoggerFactory.getLogger(GuardedRedissonCache.class);
    private static final String SKIPPED = "remote cache skipped: Redis failing";
    private static final String REFUSED_BY_CODEC = CacheSerializationException.class.getName();

    private final RemoteBreaker breaker;
    private final RedissonCacheConfig<K, V> settings;

    GuardedRedissonCache(RedissonCacheConfig<K, V> config, RemoteBreaker breaker) {
        super(config);
        this.breaker = breaker;
        this.settings = config;
    }

    @Override
    protected CacheGetResult<V> do_GET(K key) {
        if (!breaker.allowsCall()) {
            return new CacheGetResult<>(CacheResultCode.FAIL, SKIPPED, null);
        }
        return record(super.do_GET(key));
    }

    @Override
    protected MultiGetResult<K, V> do_GET_ALL(Set<? extends K> keys) {
        if (!breaker.allowsCall()) {
            return new MultiGetResult<>(CacheResultCode.FAIL, SKIPPED, null);
        }
        return record(super.do_GET_ALL(keys));
    }

    @Override
    protected CacheResult do_PUT(K key, V value, long expireAfterWrite, TimeUnit timeUnit) {
        if (!breaker.allowsCall()) {
            return new CacheResult(CacheResultCode.FAIL, SKIPPED);
        }
        return record(super.do_PUT(key, value, expireAfterWrite, timeUnit));
    }

    @Override
    protected CacheResult do_PUT_ALL(Map<? extends K, ? extends V> map, long expireAfterWrite, TimeUnit timeUnit) {
        if (!breaker.allowsCall()) {
            return new CacheResult(CacheResultCode.FAIL, SKIPPED);
        }
        return record(super.do_PUT_ALL(map, expireAfterWrite, timeUnit));
    }

    @Override
    protected CacheResult do_REMOVE(K key) {
        if (!breaker.allowsCall()) {
            return new CacheResult(CacheResultCode.FAIL, SKIPPED);
        }
        return record(super.do_REMOVE(key));
    }

    @Override
    protected CacheResult do_REMOVE_ALL(Set<? extends K> keys) {
        if (!breaker.allowsCall()) {
            return new CacheResult(CacheResultCode.FAIL, SKIPPED);
        }
        return record(super.do_REMOVE_ALL(keys));
    }

    @Override
    protected CacheResult do_PUT_IF_ABSENT(K key, V value, long expireAfterWrite, TimeUnit timeUnit) {
        if (!breaker.allowsCall()) {
            return new CacheResult(CacheResultCode.FAIL, SKIPPED);
        }
        return record(super.do_PUT_IF_ABSENT(key, value, expireAfterWrite, timeUnit));
    }

    /**
     * JetCache's own error log prints the key, which is often a user id or a phone number: ours
     * names the cache (its key prefix) and the failure, never the key.
     */
    @Override
    protected void logError(String operation, Object key, Throwable e) {
        log.warn("tradekit cache: remote {} on {} failed: {}", operation, settings.getKeyPrefix(), e.toString());
    }

    /**
     * RedissonCache turns every exception into FAIL with a message ("Ex : class ..., message"); a
     * FAIL without message is an ordinary outcome (deleting a missing key). A value the codec
     * refuses (a class off the allow-list) never reached Redis: it says nothing about Redis.
     */
    private <R extends CacheResult> R record(R result) {
        if (isRedisFailure(result)) {
            breaker.recordFailure();
        } else if (reachedRedis(result)) {
            breaker.recordSuccess();
        }
        return result;
    }

    static boolean isRedisFailure(CacheResult result) {
        String message = result.getMessage();
        return result.getResultCode() == CacheResultCode.FAIL && message != null
                && !CacheResult.MSG_ILLEGAL_ARGUMENT.equals(message) && !message.contains(REFUSED_BY_CODEC);
    }

    private static boolean reachedRedis(CacheResult result) {
        return result.getResultCode() != CacheResultCode.FAIL || result.getMessage() == null;
    }
}
