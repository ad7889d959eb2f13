/**
 * The remote level on Lettuce ({@code tradekit.cache.remote.client=lettuce}): a JetCache remote
 * cache and broadcast channel on starter-core's {@link io.tradekit.core.redis.LettuceConnector}
 * (one shared, auto-pipelining connection built from Spring Boot's Redis connection details),
 * with the same codec, breaker, key layout and channel format as the Redisson level.
 */
package io.tradekit.cache.lettuce;
