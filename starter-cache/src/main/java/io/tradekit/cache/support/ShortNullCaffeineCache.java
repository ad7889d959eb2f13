package io.tradekit.cache.support;

import com.alicp.jetcache.CacheResult;
import com.alicp.jetcache.embedded.CaffeineCache;
import com.alicp.jetcache.embedded.EmbeddedCacheConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The local (Caffeine) level, where a cached {@code null} never lives longer than {@code null-expire}.
 *
 * <p>Why: when an instance finds an entry in Redis but not locally, JetCache's two-level cache copies
 * it into the local level with the local level's own expire (it does so whenever a local expire is
 * set), not with what is left of the Redis entry's life. For a row, that is what the broadcast
 * covers; for a cached null it is not: a row created later is announced by nobody, so a null another
 * instance cached for one second would be served here for the whole local expire (minutes). Writes
 * that name their own expire (the null-caching loader's) are kept as they are.
 */
public final class ShortNullCaffeineCache<K, V> extends CaffeineCache<K, V> {

    private final long nullExpireMillis;

    public ShortNullCaffeineCache(EmbeddedCacheConfig<K, V> config, Duration nullExpire) {
        super(config);
        if (nullExpire == null || nullExpire.isNegative() || nullExpire.isZero()) {
            throw new IllegalArgumentException("nullExpire must be positive, was " + nullExpire);
        }
        this.nullExpireMillis = nullExpire.toMillis();
    }

    @Override
    public CacheResult PUT(K key, V value) {
        if (value == null) {
            long millis = Math.min(nullExpireMillis, config().getExpireAfterWriteInMillis());
            return PUT(key, null, millis, TimeUnit.MILLISECONDS);
        }
        return super.PUT(key, value);
    }
}
