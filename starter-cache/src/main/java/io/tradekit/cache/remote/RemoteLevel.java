package io.tradekit.cache.remote;

import com.alicp.jetcache.external.ExternalCacheBuilder;
import java.util.concurrent.CompletionStage;

/**
 * The remote (Redis) level on one client: what the cache's auto-configuration needs from it,
 * whichever client it is. Exactly one exists while the cache is set up.
 */
public interface RemoteLevel {

    /** The client it runs on, as the health details name it. */
    RemoteClient client();

    /**
     * A new JetCache builder of remote caches behind {@code breaker}; the caller sets the key
     * prefix, key convertor, codec, expire and broadcast channel on it.
     */
    ExternalCacheBuilder<?> newCacheBuilder(RemoteBreaker breaker);

    /** One round trip to Redis (an {@code EXISTS} of {@code key}), for the health check. */
    CompletionStage<?> probe(String key);
}
