package io.tradekit.cache.lettuce;

import com.alicp.jetcache.CacheManager;
import com.alicp.jetcache.external.ExternalCacheBuilder;
import com.alicp.jetcache.support.BroadcastManager;
import io.tradekit.cache.remote.RemoteBreaker;
import io.tradekit.core.redis.LettuceConnector;
import java.time.Duration;
import java.util.Objects;

/**
 * JetCache builder of {@link LettuceRemoteCache}s that all share one {@link LettuceConnector}
 * (one connection) and one {@link RemoteBreaker}, and of the {@link LettuceBroadcastManager}.
 */
public final class LettuceRemoteCacheBuilder extends ExternalCacheBuilder<LettuceRemoteCacheBuilder> {

    private final RemoteBreaker breaker;

    @SuppressWarnings({"unchecked", "rawtypes"})
    public LettuceRemoteCacheBuilder(LettuceConnector connector, Duration commandTimeout, Duration retryDelay,
                                     RemoteBreaker breaker) {
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        LettuceRemoteCacheConfig<?, ?> settings = getConfig();
        settings.setConnector(Objects.requireNonNull(connector, "connector"));
        settings.setCommandTimeout(Objects.requireNonNull(commandTimeout, "commandTimeout"));
        settings.setRetryDelay(Objects.requireNonNull(retryDelay, "retryDelay"));
        buildFunc(config -> new LettuceRemoteCache((LettuceRemoteCacheConfig) config, this.breaker));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public LettuceRemoteCacheConfig getConfig() {
        if (config == null) {
            config = new LettuceRemoteCacheConfig();
        }
        return (LettuceRemoteCacheConfig) config;
    }

    @Override
    public boolean supportBroadcast() {
        return true;
    }

    @Override
    public BroadcastManager createBroadcastManager(CacheManager cacheManager) {
        return new LettuceBroadcastManager(cacheManager, (LettuceRemoteCacheConfig<?, ?>) getConfig().clone(), breaker);
    }
}
