/**
 * tradekit's pieces inside JetCache, whatever the remote client: the cache manager that fills in
 * defaults ({@link io.tradekit.cache.support.TradekitCacheManager}), the transaction-aware face of
 * every cache ({@link io.tradekit.cache.support.TradekitCache}), null caching, and the
 * allow-listed codec's place in {@code @Cached(serialPolicy)}.
 */
package io.tradekit.cache.support;
