package io.tradekit.stock.redis;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.tradekit.core.log.LogSanitizer;
import io.tradekit.core.redis.LettuceConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The subscription to the restock channel: each message names an item that has stock again. Any
 * (re)connection or disconnection of the client's connections calls {@code onReset}, since messages
 * may have been missed meanwhile. Subscribes lazily, retrying at most once per {@code retryDelay}.
 */
public final class RestockChannel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RestockChannel.class);

    private final LettuceConnector connector;
    private final String channel;
    private final Consumer<String> onRestock;
    private final Runnable onReset;
    private final long retryDelayNanos;
    private volatile boolean subscribed;
    private StatefulRedisPubSubConnection<String, String> connection;
    private long lastAttempt;
    private boolean attempted;
    private boolean closed;

    /**
     * Creates the channel; nothing is subscribed yet.
     *
     * @param connector  the shared connector, whose client opens the pub/sub connection
     * @param keys       the key layout naming the channel
     * @param onRestock  called with the item id of each message
     * @param onReset    called when a connection of the client connects or disconnects
     * @param retryDelay the pause between two failed subscription attempts
     */
    public RestockChannel(LettuceConnector connector, StockKeys keys, Consumer<String> onRestock, Runnable onReset,
                          Duration retryDelay) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.channel = keys.restockChannel();
        this.onRestock = Objects.requireNonNull(onRestock, "onRestock");
        this.onReset = Objects.requireNonNull(onReset, "onReset");
        this.retryDelayNanos = retryDelay.toNanos();
    }

    /** Whether the subscription is in place, trying to subscribe first when it is not (rate-limited). */
    public boolean ensureSubscribed() {
        return subscribed || subscribe();
    }

    private synchronized boolean subscribe() {
        if (subscribed || closed) {
            return subscribed;
        }
        long now = System.nanoTime();
        if (attempted && now - lastAttempt < retryDelayNanos) {
            return false;
        }
        attempted = true;
        lastAttempt = now;
        StatefulRedisPubSubConnection<String, String> c = null;
        try {
            c = connector.connectPubSub();
            c.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    if (channel.equals(ch)) {
                        onRestock.accept(message);
                    }
                }
            });
            c.sync().subscribe(channel);
            connector.client().addListener(new ResetOnConnectionChange());
            connection = c;
            subscribed = true;
            return true;
        } catch (RedisException e) {
            log.warn("Could not subscribe to the stock restock channel; sold-out flags stay off until it works: {}",
                    LogSanitizer.escape(String.valueOf(e.getMessage())));
            if (c != null) {
                c.closeAsync();
            }
            return false;
        }
    }

    /** Unsubscribes and closes the pub/sub connection. */
    @Override
    public synchronized void close() {
        closed = true;
        subscribed = false;
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    private final class ResetOnConnectionChange implements RedisConnectionStateListener {

        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
            onReset.run();
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
            onReset.run();
        }
    }
}
