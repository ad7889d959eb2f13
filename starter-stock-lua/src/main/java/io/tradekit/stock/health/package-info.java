/**
 * Actuator health of the stock service (component {@code stock}): a bounded {@code PING} on the
 * stock's own Lettuce connection and how many of its Lua scripts Redis holds
 * ({@link io.tradekit.stock.health.StockHealthIndicator}), registered by
 * {@link io.tradekit.stock.health.StockHealthAutoConfiguration} when Actuator is present.
 */
package io.tradekit.stock.health;
