/**
 * The Redis side of the stock starter: the key layout ({@link io.tradekit.stock.redis.StockKeys}),
 * the Lua scripts ({@link io.tradekit.stock.redis.StockScripts}), their execution on the shared
 * Lettuce connection ({@link io.tradekit.stock.redis.StockRedis}) and the restock channel
 * ({@link io.tradekit.stock.redis.RestockChannel}).
 */
package io.tradekit.stock.redis;
