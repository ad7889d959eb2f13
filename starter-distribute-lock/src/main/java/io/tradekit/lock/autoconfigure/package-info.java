/**
 * Spring Boot auto-configuration of {@link io.tradekit.lock.DistributeLock}:
 * {@link io.tradekit.lock.autoconfigure.DistributeLockAutoConfiguration} and its
 * {@link io.tradekit.lock.autoconfigure.DistributeLockProperties tradekit.lock.*} properties.
 */
package io.tradekit.lock.autoconfigure;
