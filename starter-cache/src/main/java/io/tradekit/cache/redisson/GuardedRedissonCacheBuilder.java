package io.tradekit.cache.redisson;

import com.alicp.jetcache.CacheManager;
import com.alicp.jetcache.redisson.RedissonCacheBuilder;
import com.alicp.jetcache.redisson.RedissonCacheConfig;
import com.alicp.jetcache.support.BroadcastManager;
import io.tradekit.cache.remote.RemoteBreaker;
import java.util.Objects;

/**
 * JetCache's Redisson remote-cache builder with two changes: caches are
 * {@link GuardedRedissonCache}s sharing one {@link RemoteBreaker}, and the broadcast channel is a
 * {@link ByteArrayTopicBroadcastManager}, which works whatever codec the application's Redisson
 * client has (jetcache#945).
 */
final class GuardedRedissonCacheBuilder extends RedissonCacheBuilder<GuardedRedissonCacheBuilder> {

    private final RemoteBreaker breaker;

    @SuppressWarnings({"unchecked", "rawtypes"})
    GuardedRedissonCacheBuilder(RemoteBreaker breaker) {
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        buildFunc(config -> new GuardedRedissonCache((RedissonCacheConfig) config, this.breaker));
    }

    @Override
    public BroadcastManager createBroadcastManager(CacheManager cacheManager) {
        return new ByteArrayTopicBroadcastManager(cacheManager, (RedissonCacheConfig<?, ?>) getConfig().clone(), breaker);
    }
}
