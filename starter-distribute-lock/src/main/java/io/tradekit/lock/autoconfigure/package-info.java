/**
 * Spring Boot auto-configuration of {@link io.tradekit.lock.DistributeLock}:
 * {@link io.tradekit.lock.autoconfigure.DistributeLockAutoConfiguration}, its
 * {@link io.tradekit.lock.autoconfigure.DistributeLockProperties tradekit.lock.*} properties, and the
 * start-up check that fails closed when an annotated method could not be locked (no Redisson
 * client, a method no proxy can intercept, a broken annotation rule).
 */
package io.tradekit.lock.autoconfigure;
