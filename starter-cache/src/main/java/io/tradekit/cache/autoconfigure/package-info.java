/**
 * Auto-configuration of the two-level cache: one public entry
 * ({@link io.tradekit.cache.autoconfigure.TradekitCacheAutoConfiguration}) importing package-private
 * variants (the remote level on Redisson or on Lettuce, then the JetCache set-up), the start-up
 * check that a remote or two-level cache has a remote level, and the settings
 * ({@link io.tradekit.cache.autoconfigure.TradekitCacheProperties}).
 */
package io.tradekit.cache.autoconfigure;
