package io.tradekit.sample.nft.chain.application;

import java.time.Instant;

/**
 * Mint the NFTs of a paid order.
 *
 * @param orderId      the paid order (idempotency key)
 * @param buyerId      the new owner
 * @param collectionId the collection
 * @param quantity     how many NFTs
 * @param paidAt       when the order was paid (the mint time), null meaning now
 */
public record MintNftCommand(long orderId, long buyerId, long collectionId, int quantity, Instant paidAt) {
}
