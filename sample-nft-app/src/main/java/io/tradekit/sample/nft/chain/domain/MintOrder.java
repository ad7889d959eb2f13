package io.tradekit.sample.nft.chain.domain;

/**
 * A paid order to mint NFTs for.
 *
 * @param orderId      the order, the idempotency key of minting
 * @param ownerId      the buyer
 * @param collectionId the collection
 * @param quantity     how many NFTs
 * @param paidAt       when it was paid, epoch milliseconds (becomes the mint time)
 */
public record MintOrder(long orderId, long ownerId, long collectionId, int quantity, long paidAt) {
}
