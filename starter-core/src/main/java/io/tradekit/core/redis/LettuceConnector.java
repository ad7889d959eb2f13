package io.tradekit.core.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;

import java.time.Duration;
import java.util.Objects;

/**
 * One shared Lettuce connection for all threads (Lettuce pipelines concurrent commands on it by
 * itself), opened on first use and reconnecting by itself, that refuses commands at once while
 * Redis is unreachable instead of queueing them.
 *
 * <p>The connection is opened lazily, so an application starts while Redis is down. After a failed
 * attempt further calls fail at once for {@code retryDelay}; each command waits at most
 * {@code commandTimeout}. Works with a {@link RedisClient} (standalone, sentinel) or a
 * {@link RedisClusterClient}; the commands are the ones both share ({@link RedisClusterCommands}).
 */
public final class LettuceConnector implements AutoCloseable {

    private final AbstractRedisClient client;
    private final Duration commandTimeout;
    private final long retryDelayNanos;
    private final boolean ownsClient;
    private final ClientResources ownedResources;
    private volatile Connected connected;
    private long lastFailure;
    private RedisException lastError;
    private boolean closed;

    /**
     * Creates a connector; nothing is opened yet.
     *
     * @param client         a {@link RedisClient} or {@link RedisClusterClient}
     * @param commandTimeout the longest wait for one command
     * @param retryDelay     after a failed connect, how long further calls fail at once
     * @param ownsClient     whether {@link #close()} shuts {@code client} down too
     */
    public LettuceConnector(AbstractRedisClient client, Duration commandTimeout, Duration retryDelay,
                            boolean ownsClient) {
        this(client, commandTimeout, retryDelay, ownsClient, null);
    }

    /**
     * Creates a connector that owns {@code client} and the {@code resources} it was created with (e.g.
     * {@link FlushConsolidation#resources}): {@link #close()} shuts the client down, then the resources.
     *
     * @param client         a {@link RedisClient} or {@link RedisClusterClient}
     * @param commandTimeout the longest wait for one command
     * @param retryDelay     after a failed connect, how long further calls fail at once
     * @param resources      the client resources to shut down after the client, or {@code null}
     */
    public LettuceConnector(AbstractRedisClient client, Duration commandTimeout, Duration retryDelay,
                            ClientResources resources) {
        this(client, commandTimeout, retryDelay, true, resources);
    }

    private LettuceConnector(AbstractRedisClient client, Duration commandTimeout, Duration retryDelay,
                             boolean ownsClient, ClientResources ownedResources) {
        this.client = Objects.requireNonNull(client, "client");
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
        this.retryDelayNanos = Objects.requireNonNull(retryDelay, "retryDelay").toNanos();
        this.ownsClient = ownsClient;
        this.ownedResources = ownedResources;
    }

    /**
     * The blocking commands of the shared connection, connecting first if needed.
     *
     * @throws RedisException when not connected and (re)connecting fails or is still paused
     */
    public RedisClusterCommands<String, String> sync() {
        return connected().sync;
    }

    /**
     * The asynchronous commands of the shared connection, connecting first if needed.
     *
     * @throws RedisException when not connected and (re)connecting fails or is still paused
     */
    public RedisClusterAsyncCommands<String, String> async() {
        return connected().async;
    }

    /** The client this connector opens its connections with (e.g. for a pub/sub connection). */
    public AbstractRedisClient client() {
        return client;
    }

    /**
     * Opens a new pub/sub connection (not shared, the caller closes it), with the command timeout.
     *
     * @throws RedisException when Redis cannot be reached
     */
    public StatefulRedisPubSubConnection<String, String> connectPubSub() {
        StatefulRedisPubSubConnection<String, String> c = client instanceof RedisClusterClient cluster
                ? cluster.connectPubSub(StringCodec.UTF8)
                : ((RedisClient) client).connectPubSub(StringCodec.UTF8);
        c.setTimeout(commandTimeout);
        return c;
    }

    private Connected connected() {
        Connected current = connected;
        return current != null ? current : connect();
    }

    private synchronized Connected connect() {
        if (connected != null) {
            return connected;
        }
        if (closed) {
            throw new RedisException("the Redis connection is closed");
        }
        if (lastError != null && System.nanoTime() - lastFailure < retryDelayNanos) {
            throw new RedisException("not connected (last attempt failed: " + lastError.getMessage() + ")");
        }
        try {
            if (client instanceof RedisClusterClient cluster) {
                StatefulRedisClusterConnection<String, String> c = cluster.connect(StringCodec.UTF8);
                c.setTimeout(commandTimeout);
                connected = new Connected(c, c.sync(), c.async());
            } else {
                StatefulRedisConnection<String, String> c = ((RedisClient) client).connect(StringCodec.UTF8);
                c.setTimeout(commandTimeout);
                connected = new Connected(c, c.sync(), c.async());
            }
            lastError = null;
            return connected;
        } catch (RedisException e) {
            lastError = e;
            lastFailure = System.nanoTime();
            throw e;
        }
    }

    /** Closes the shared connection, and the client (then its resources) when this connector owns them; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Connected current = connected;
        connected = null;
        if (current != null) {
            current.connection.close();
        }
        if (ownsClient) {
            client.shutdown();
        }
        if (ownedResources != null) {
            // After the client: its connections' channels run on these resources' event loops.
            ownedResources.shutdown();
        }
    }

    private record Connected(StatefulConnection<String, String> connection,
                             RedisClusterCommands<String, String> sync,
                             RedisClusterAsyncCommands<String, String> async) {
    }
}
