package io.tradekit.cache.redisson;

import com.alicp.jetcache.CacheManager;
import com.alicp.jetcache.redisson.RedissonCacheConfig;
import io.tradekit.cache.remote.RawBytesBroadcastManager;
import io.tradekit.cache.remote.RemoteBreaker;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.ReentrantLock;
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
 */
final class ByteArrayTopicBroadcastManager extends RawBytesBroadcastManager {

    private static final Logger log = LoggerFactory.getLogger(ByteArrayTopicBroadcastManager.class);

    private final RTopic topic;
    private final ReentrantLock lock = new ReentrantLock();
    private int listenerId;

    ByteArrayTopicBroadcastManager(CacheManager cacheManager, RedissonCacheConfig<?, ?> config, RemoteBreaker breaker) {
        super(cacheManager, config, breaker);
        this.topic = config.getRedissonClient().getTopic(channel, ByteArrayCodec.INSTANCE);
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
    protected CompletionStage<?> send(byte[] bytes) {
        return topic.publishAsync(bytes);
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
