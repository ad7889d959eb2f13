package io.tradekit.cache.lettuce;

import com.alicp.jetcache.external.ExternalCacheConfig;
import io.tradekit.core.redis.LettuceConnector;
import java.time.Duration;

/** Settings of one remote cache on Lettuce: JetCache's external-cache settings plus the shared connector. */
public class LettuceRemoteCacheConfig<K, V> extends ExternalCacheConfig<K, V> {

    private LettuceConnector connector;
    private Duration commandTimeout = Duration.ofSeconds(1);
    private Duration retryDelay = Duration.ofSeconds(1);

    public LettuceConnector getConnector() {
        return connector;
    }

    public void setConnector(LettuceConnector connector) {
        this.connector = connector;
    }

    /** The longest wait for one Redis reply. */
    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    public void setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    /** The pause between two failed attempts to subscribe to the broadcast channel. */
    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }
}
