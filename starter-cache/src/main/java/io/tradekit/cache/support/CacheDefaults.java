package io.tradekit.cache.support;

import java.time.Duration;

/**
 * What {@link TradekitCacheManager} fills into a cache's settings where the annotation left them
 * unset, and how its {@link TradekitCache} behaves.
 *
 * @param syncLocal                  whether every BOTH cache publishes its writes and
 *                                   invalidations so that other instances drop their local copy
 * @param localExpire                lifetime of local copies in BOTH caches (null: the cache's expire)
 * @param localLimit                 entries per local cache
 * @param penetrationProtect         whether concurrent misses on a key wait for one load
 * @param penetrationProtectTimeout  longest such wait (null: unbounded)
 * @param stopRefreshAfterLastAccess when refreshing of an unread key stops (null: never)
 * @param nullExpire                 lifetime of a cached null (null: nulls are not cached)
 * @param afterCommit                whether writes and invalidations inside a transaction wait for its commit
 */
public record CacheDefaults(boolean syncLocal, Duration localExpire, int localLimit, boolean penetrationProtect,
                            Duration penetrationProtectTimeout, Duration stopRefreshAfterLastAccess,
                            Duration nullExpire, boolean afterCommit) {
}
