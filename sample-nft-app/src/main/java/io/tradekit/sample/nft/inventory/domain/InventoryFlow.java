package io.tradekit.sample.nft.inventory.domain;

/**
 * One change of a collection's DB stock, at most one per order and type.
 *
 * @param collectionId the collection
 * @param orderId      the order that caused it
 * @param buyerId      the order's buyer; 0 when unknown (flows written before the column existed)
 * @param identifier   the order's anti-duplicate token (the Redis record's identifier)
 * @param type         deduct or restore
 * @param quantity     how many
 */
public record InventoryFlow(long collectionId, long orderId, long buyerId, String identifier, FlowType type,
                            int quantity) {
}
