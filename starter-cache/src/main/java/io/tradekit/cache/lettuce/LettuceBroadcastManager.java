package io.tradekit.cache.lettuce;

import com.alicp.jetcache.CacheManager;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tradekit.cache.remote.RawBytesBroadcastManager;
import io.tradekit.cache.remote.RemoteBreaker;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JetCache's local-invalidation channel on Lettuce: messages are published on the cache's shared
 * connection and received on one pub/sub connection of the same client, both with raw bytes (the
 * allow-listed codec's output), so instances on the Redisson level and on this one understand each
 * other on one channel.
 *
 * <p>When subscribing fails (Redis down at start-up) it is retried every {@code retry-delay} on a
 * daemon thread until it works; once subscribed, Lettuce reconnects and resubscribes by itself.
 * Messages published meanwhile are lost: the local expire bounds the staleness that leaves.
 */
final class LettuceBroadcastManager extends RawBytesBroadcastManager {

    private static final Logger log = LoggerFactory.getLogger(LettuceBroadcastManager.class);

    private final BinaryCommands redis;
    private final AbstractRedisClient client;
    private final byte[] channelBytes;
    private final long retryDelayMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private StatefulRedisPubSubConnection<byte[], byte[]> connection;
    private ScheduledExecutorService retries;
    private boolean closed;

    LettuceBroadcastManager(CacheManager cacheManager, LettuceRemoteCacheConfig<?, ?> config, RemoteBreaker breaker) {
        super(cacheManager, config, breaker);
        this.redis = new BinaryCommands(config.getConnector(), config.getCommandTimeout());
        this.client = config.getConnector().client();
        this.channelBytes = channel.getBytes(StandardCharsets.UTF_8);
        this.retryDelayMillis = Math.max(1, config.getRetryDelay().toMillis());
    }

    @Override
    public void startSubscribe() {
        lock.lock();
        try {
            if (connection != null || closed) {
                return;
            }
            StatefulRedisPubSubConnection<byte[], byte[]> c = null;
            try {
                c = client instanceof RedisClusterClient cluster
                        ? cluster.connectPubSub(ByteArrayCodec.INSTANCE)
                        : ((RedisClient) client).connectPubSub(ByteArrayCodec.INSTANCE);
                c.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(byte[] ch, byte[] message) {
                        if (Arrays.equals(channelBytes, ch)) {
                            processNotification(message, decoder);
                        }
                    }
                });
                c.sync().subscribe(channelBytes);
                connection = c;
            } catch (RuntimeException e) {
                log.warn("tradekit cache: not subscribed to {} (local copies fall back on their expire), retrying in {} ms: {}",
                        channel, retryDelayMillis, e.toString());
                if (c != null) {
                    c.closeAsync();
                }
                scheduleRetry();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Whether the subscription is in place (for tests and diagnostics). */
    boolean isSubscribed() {
        lock.lock();
        try {
            return connection != null;
        } finally {
            lock.unlock();
        }
    }

    private void scheduleRetry() {
        if (retries == null) {
            retries = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "tradekit-cache-broadcast-subscribe");
                thread.setDaemon(true);
                return thread;
            });
        }
        retries.schedule(this::startSubscribe, retryDelayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected CompletionStage<?> send(byte[] bytes) {
        return redis.publishAsync(channel, bytes);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (retries != null) {
                retries.shutdownNow();
            }
            if (connection != null) {
                try {
                    connection.close();
                } catch (RuntimeException e) {
                    log.debug("tradekit cache: closing the subscription to {} failed: {}", channel, e.toString());
                }
                connection = null;
            }
        } finally {
            lock.unlock();
        }
    }
}
