/**
 * tradekit's pieces inside JetCache: the cache manager that fills in defaults
 * ({@link io.tradekit.cache.support.TradekitCacheManager}), the transaction-aware face of every
 * cache ({@link io.tradekit.cache.support.TradekitCache}), the Redisson remote level behind a
 * breaker, and the codec-independent broadcast channel.
 */
package io.tradekit.cache.support;
