/**
 * Actuator health contribution of the remote cache level
 * ({@link io.tradekit.cache.health.RemoteCacheHealthIndicator}, component {@code remoteCache}).
 */
package io.tradekit.cache.health;
