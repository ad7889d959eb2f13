/**
 * Shared Redis plumbing for the Redis-backed starters: one lazily opened, auto-pipelining Lettuce
 * connection that fails fast while disconnected ({@link io.tradekit.core.redis.LettuceConnector}),
 * Lua scripts run by {@code EVALSHA} with a reload on {@code NOSCRIPT}
 * ({@link io.tradekit.core.redis.RedisScript}), and a Lettuce client built from Spring Boot's
 * connection details or {@code spring.data.redis.*} ({@link io.tradekit.core.redis.LettuceClients}), and
 * client resources whose connections send the commands of many threads in one socket write
 * ({@link io.tradekit.core.redis.FlushConsolidation}).
 *
 * <p>Lettuce and Spring Boot's auto-configuration are <em>optional</em> dependencies of
 * tradekit-core: only this package uses them, so a contract jar (facade interfaces and DTOs) that
 * depends on tradekit-core never sees them. A starter that uses this package declares
 * {@code io.lettuce:lettuce-core} itself (and {@code spring-boot-autoconfigure} for
 * {@link io.tradekit.core.redis.LettuceClients}).
 */
package io.tradekit.core.redis;
