/**
 * Actuator health of the distributed lock (component {@code distributeLock}): a bounded ping of every
 * Redis node through the lock's {@code RedissonClient}
 * ({@link io.tradekit.lock.health.DistributeLockHealthIndicator}), registered by
 * {@link io.tradekit.lock.health.DistributeLockHealthAutoConfiguration} when Actuator is present.
 */
package io.tradekit.lock.health;
