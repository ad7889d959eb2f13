/**
 * Auto-configuration of the two-level cache ({@link io.tradekit.cache.autoconfigure.TradekitCacheAutoConfiguration})
 * and its settings ({@link io.tradekit.cache.autoconfigure.TradekitCacheProperties}).
 */
package io.tradekit.cache.autoconfigure;
