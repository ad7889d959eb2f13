package io.tradekit.sample.nft.inventory.domain;

import java.util.OptionalLong;

/**
 * The Redis stock of collections: idempotent per (buyer, identifier, quantity). A Redis failure is
 * thrown as a system exception: the outcome is then unknown and {@link #deducted} tells.
 */
public interface StockCache {

    /** Sets the stock unless one exists. */
    boolean init(long collectionId, long quantity);

    /** Deducts; throws a {@code StockRefusal} as a business exception when refused (nothing changed). */
    void deduct(long collectionId, long buyerId, String identifier, int quantity);

    /** Gives back a deduction (idempotent); false when the stock is gone. */
    boolean restore(long collectionId, long buyerId, String identifier, int quantity);

    /** Whether a deduction with this identifier was applied. */
    boolean deducted(long collectionId, String identifier);

    /**
     * Whether this instance already knows, without asking Redis, that the stock cannot cover
     * {@code quantity} (the stock starter's local sold-out flag).
     */
    boolean knownSoldOut(long collectionId, int quantity);

    OptionalLong stock(long collectionId);

    /** Every operation record of the collection (for the reconciliation; reads the whole hash). */
    java.util.List<CacheRecord> records(long collectionId);

    /** Deducts again as the order did (same buyer, identifier, quantity): a no-op when its record exists. */
    CacheChange replayDeduct(long collectionId, long buyerId, String identifier, long quantity);

    /** Gives back as the order's restore did (same buyer, identifier, quantity): a no-op when its record exists. */
    CacheChange replayIncrease(long collectionId, long buyerId, String identifier, long quantity);

    /** Sets the stock to {@code value} only if it still is {@code expected}; true when set. */
    boolean compareAndSetStock(long collectionId, long expected, long value);

    /** The Redis clock, epoch milliseconds (the clock of {@link CacheRecord#timestamp()}). */
    long serverTimeMillis();
}
