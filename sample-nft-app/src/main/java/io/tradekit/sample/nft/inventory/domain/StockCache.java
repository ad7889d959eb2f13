package io.tradekit.sample.nft.inventory.domain;

import java.util.OptionalLong;

/**
 * The Redis stock of collections: idempotent per (buyer, identifier, quantity). A Redis failure is
 * thrown as a system exception: the outcome is then unknown and {@link #deducted} tells.
 */
public interface StockCache {

    /** Sets the stock unless one exists. */
    boolean init(long collectionId, long quantity);

    /** Deducts; throws {@code InventoryErrorCode} as a business exception when refused (nothing changed). */
    void deduct(long collectionId, long buyerId, String identifier, int quantity);

    /** Gives back a deduction (idempotent); false when the stock is gone. */
    boolean restore(long collectionId, long buyerId, String identifier, int quantity);

    /** Whether a deduction with this identifier was applied. */
    boolean deducted(long collectionId, String identifier);

    /** Whether a restore with this identifier was applied. */
    boolean restored(long collectionId, String identifier);

    OptionalLong stock(long collectionId);
}
