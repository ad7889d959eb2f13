package io.tradekit.cache.lettuce;

import com.alicp.jetcache.external.ExternalCacheBuilder;
import io.tradekit.cache.remote.RemoteClient;
import io.tradekit.cache.remote.RemoteLevel;
import io.tradekit.cache.remote.RemoteBreaker;
import io.tradekit.core.redis.LettuceConnector;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The remote level on Lettuce: one {@link LettuceConnector} (one shared connection, opened on
 * first use) for every remote cache and the broadcast's publishing; closing it closes the
 * connector and, when the connector owns it, the client.
 */
public final class LettuceRemoteLevel implements RemoteLevel, AutoCloseable {

    private final LettuceConnector connector;
    private final Duration commandTimeout;
    private final Duration retryDelay;

    public LettuceRemoteLevel(LettuceConnector connector, Duration commandTimeout, Duration retryDelay) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
    }

    /** The connector every remote cache of this level shares. */
    public LettuceConnector connector() {
        return connector;
    }

    @Override
    public RemoteClient client() {
        return RemoteClient.LETTUCE;
    }

    @Override
    public ExternalCacheBuilder<?> newCacheBuilder(RemoteBreaker breaker) {
        return new LettuceRemoteCacheBuilder(connector, commandTimeout, retryDelay, breaker);
    }

    @Override
    public CompletionStage<?> probe(String key) {
        try {
            return connector.async().exists(key);
        } catch (RuntimeException e) {
            // Not connected and not reconnecting yet: the probe fails like a failed round trip.
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        connector.close();
    }
}
