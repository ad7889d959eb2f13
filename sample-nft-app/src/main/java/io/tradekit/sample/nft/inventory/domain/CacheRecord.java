package io.tradekit.sample.nft.inventory.domain;

/**
 * One operation record of a collection's Redis stock, as the stock starter wrote it.
 *
 * @param buyerId    the buyer; 0 when the record names no numeric buyer (written by hand)
 * @param identifier the order's anti-duplicate token
 * @param deduction  a deduction (else an increase, a stock given back)
 * @param quantity   how many
 * @param timestamp  when Redis applied it, Redis clock, epoch milliseconds
 */
public record CacheRecord(long buyerId, String identifier, boolean deduction, long quantity, long timestamp) {
}
