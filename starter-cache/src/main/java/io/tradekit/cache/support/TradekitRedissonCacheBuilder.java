package io.tradekit.cache.support;

import com.alicp.jetcache.CacheManager;
import com.alicp.jetcache.redisson.RedissonCacheBuilder;
import com.alicp.jetcache.redisson.RedissonCacheConfig;
import com.alicp.jetcache.support.BroadcastManager;
import java.util.Objects;

/**
 * JetCache's Redisson remote-cache builder with two changes: caches are
 * {@link GuardedRedissonCache}s sharing one {@link RemoteBreaker}, and the broadcast channel is a
 * {@link ByteArrayTopicBroadcastManager}, which works whatever codec the application's Redisson
 * client has (jetcache#945).
 */
public final class TradekitRedissonCacheBuilder extends RedissonCacheBuilder<TradekitRedissonCacheBuilder> {

    private final RemoteBreaker breaker;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public TradekitRedissonCacheBuilder(RemoteBreaker breaker) {
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        buildFunc(config -> new GuardedRedissonCache((RedissonCacheConfig) config, this.breaker));
    }

    public RemoteBreaker breaker() {
        return breaker;
    }

    @Override
    public BroadcastManager createBroadcastManager(CacheManager cacheManager) {
        return new ByteArrayTopicBroadcastManager(cacheManager, (RedissonCacheConfig<?, ?>) getConfig().clone(), breaker);
    }
}
