package io.tradekit.cache.remote;

import com.alicp.jetcache.CacheManager;
import com.alicp.jetcache.CacheResult;
import com.alicp.jetcache.external.ExternalCacheConfig;
import com.alicp.jetcache.support.BroadcastManager;
import com.alicp.jetcache.support.CacheMessage;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both remote levels' invalidation channels share: messages travel as the allow-listed codec's raw
 * bytes (so an instance on the Redisson level and one on the Lettuce level understand each other on one
 * channel), and publishing is asynchronous and guarded by the level's {@link RemoteBreaker}, so a slow or
 * absent Redis never holds up the write that triggered it. Subclasses only send bytes and subscribe.
 */
public abstract class RawBytesBroadcastManager extends BroadcastManager {

    private static final Logger log = LoggerFactory.getLogger(RawBytesBroadcastManager.class);

    /** The pub/sub channel, for sending and for log lines. */
    protected final String channel;
    /** Turns received bytes back into a {@code CacheMessage}, for {@code processNotification}. */
    protected final Function<byte[], Object> decoder;
    private final Function<Object, byte[]> encoder;
    private final RemoteBreaker breaker;

    /**
     * Creates the manager; JetCache's own check of the configuration runs first.
     *
     * @param cacheManager the manager whose local caches the messages invalidate
     * @param config       the remote level's configuration: channel, value encoder (the allow-listed
     *                     codec) and decoder
     * @param breaker      the remote level's breaker: while it is open nothing is published
     */
    protected RawBytesBroadcastManager(CacheManager cacheManager, ExternalCacheConfig<?, ?> config,
            RemoteBreaker breaker) {
        super(cacheManager);
        checkConfig(config);
        this.channel = config.getBroadcastChannel();
        this.encoder = config.getValueEncoder();
        this.decoder = config.getValueDecoder();
        this.breaker = Objects.requireNonNull(breaker, "breaker must not be null");
    }

    /**
     * Publishes the message's bytes without waiting; a failure is logged, never thrown.
     *
     * @param bytes the encoded message
     * @return completes when Redis answered, exceptionally when it did not
     */
    protected abstract CompletionStage<?> send(byte[] bytes);

    @Override
    public final CacheResult publish(CacheMessage message) {
        if (breaker.isOpen()) {
            // Redis is failing: the message could not go out, and other instances fall back on the local expire.
            return CacheResult.FAIL_WITHOUT_MSG;
        }
        try {
            send(encoder.apply(message)).whenComplete((receivers, failure) -> {
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
}
