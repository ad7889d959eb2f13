package io.tradekit.cache.support;

import com.alicp.jetcache.CacheManager;
import com.alicp.jetcache.CacheResult;
import com.alicp.jetcache.redisson.RedissonCacheConfig;
import com.alicp.jetcache.support.BroadcastManager;
import com.alicp.jetcache.support.CacheMessage;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.redisson.api.RTopic;
import org.redisson.client.codec.ByteArrayCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JetCache's local-invalidation channel on a Redis pub/sub topic, always with Redisson's
 * {@link ByteArrayCodec}.
 *
 * <p>JetCache's own {@code RedissonBroadcastManager} opens the topic with the client's default
 * codec; an application that configures another codec (JSON, say) then publishes bytes its
 * listener cannot read, and local copies silently stop being invalidated (jetcache#945). The
 * message bytes here are our allow-listed codec's output, so the topic needs no codec of its own.
 * Publishing is asynchronous: a slow or absent Redis never holds up the write that triggered it.
 */
final class ByteArrayTopicBroadcastManager extends BroadcastManager {

    private static final Logger log = LoggerFactory.getLogger(ByteArrayTopicBroadcastManager.class);

    private final RTopic topic;
    private final String channel;
    private final Function<Object, byte[]> encoder;
    private final Function<byte[], Object> decoder;
    private final RemoteBreaker breaker;
    private final ReentrantLock lock = new ReentrantLock();
    private int listenerId;

    ByteArrayTopicBroadcastManager(CacheManager cacheManager, RedissonCacheConfig<?, ?> config, RemoteBreaker breaker) {
        super(cacheManager);
        this.breaker = breaker;
        checkConfig(config);
        this.channel = config.getBroadcastChannel();
        this.topic = config.getRedissonClient().getTopic(channel, ByteArrayCodec.INSTANCE);
        this.encoder = config.getValueEncoder();
        this.decoder = config.getValueDecoder();
    }

    @Override
    public void startSubscribe() {
        lock.lock();
        try {
            if (listenerId == 0) {
                listenerId = topic.addListener(byte[].class, (ch, message) -> processNotification(message, decoder));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CacheResult publish(CacheMessage message) {
        if (breaker.isOpen()) {
            // Redis is failing: the message could not go out, and other instances fall back on the local expire.
            return CacheResult.FAIL_WITHOUT_MSG;
        }
        try {
            byte[] bytes = encoder.apply(message);
            topic.publishAsync(bytes).whenComplete((receivers, failure) -> {
                if (failure != null) {
                    log.warn("tradekit cache: invalidation message on {} not published: {}", channel, failure.toString());
                }
            });
            return CacheResult.SUCCESS_WITHOUT_MSG;
        } catch (RuntimeException e) {
            log.warn("tradekit cache: invalidation message on {} not published: {}", channel, e.toString());
            return new CacheResult(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (listenerId != 0) {
                try {
                    topic.removeListener(listenerId);
                } catch (RuntimeException e) {
                    log.debug("tradekit cache: unsubscribing from {} failed: {}", channel, e.toString());
                }
                listenerId = 0;
            }
        } finally {
            lock.unlock();
        }
    }
}
