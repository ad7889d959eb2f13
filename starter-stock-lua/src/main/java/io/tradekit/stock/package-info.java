/**
 * Seckill stock in Redis: {@link io.tradekit.stock.StockService} deducts and restores stock with one
 * Lua script per operation, idempotent by an operation record per buyer, identifier and delta, and
 * fails fast on an instance that already knows the item is sold out.
 */
package io.tradekit.stock;
