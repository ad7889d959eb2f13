/**
 * Actuator health of the idempotent-token store (component {@code idempotentToken}): a bounded
 * {@code PING} on the store's own Lettuce connection and how many of its Lua scripts Redis holds
 * ({@link io.tradekit.idempotent.health.IdempotentTokenHealthIndicator}), registered by
 * {@link io.tradekit.idempotent.health.IdempotentTokenHealthAutoConfiguration} when Actuator is present.
 */
package io.tradekit.idempotent.health;
