package io.tradekit.stock;

/**
 * One operation record of an item, as the Lua script wrote it; what a transactional-message
 * check-back reads to learn whether a deduction happened.
 *
 * @param type       deduct or increase
 * @param buyerId    the buyer of the operation
 * @param identifier the operation's idempotency identifier (e.g. the order token)
 * @param before     the stock before
 * @param after      the stock after
 * @param delta      the change ({@code after - before}: negative for a deduction)
 * @param timestamp  the Redis time it was applied, epoch milliseconds
 */
public record StockRecord(StockOperation type, String buyerId, String identifier, long before, long after,
                          long delta, long timestamp) {
}
