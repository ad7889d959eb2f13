/**
 * Health components that follow the server breakers ({@link io.tradekit.core.degrade}): Spring Boot's
 * {@code redis} component answers DOWN at once while the {@code redis} breaker is open instead of
 * waiting for the client's timeout ({@link io.tradekit.core.health.BreakerAwareRedisHealthIndicator},
 * auto-configured by {@link io.tradekit.core.health.RedisBreakerHealthAutoConfiguration}). Needs
 * Actuator, Spring Data Redis and Resilience4j, all optional dependencies of tradekit-core.
 */
package io.tradekit.core.health;
