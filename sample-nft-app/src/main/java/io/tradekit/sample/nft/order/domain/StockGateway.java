package io.tradekit.sample.nft.order.domain;

/**
 * The inventory context as trading sees it: Redis stock (the seckill's gate) and DB stock (written in
 * the order consumer's transaction). Redis changes are idempotent per identifier.
 */
public interface StockGateway {

    /** Whether this instance knows without any I/O that the sale cannot cover {@code quantity}. */
    boolean knownSoldOut(long collectionId, int quantity);

    /** The Redis stock, or -1 when the sale has none. */
    long cacheStock(long collectionId);

    /**
     * Deducts Redis stock. A business exception ({@code SOLD_OUT}, {@code GOODS_NOT_ON_SALE}) means
     * nothing changed; any other exception leaves the outcome unknown.
     */
    void deductCache(long collectionId, long buyerId, String identifier, int quantity);

    /** Whether the Redis deduction of the identifier happened. */
    boolean cacheDeducted(long collectionId, String identifier);

    /** Gives the Redis deduction back (idempotent). */
    void restoreCache(long collectionId, long buyerId, String identifier, int quantity);

    /** Deducts DB stock and writes the inventory flow, once per order, in the caller's transaction. */
    void deductDb(long collectionId, long orderId, long buyerId, String identifier, int quantity);

    /** Restores DB stock once per order, in the caller's transaction. */
    void restoreDb(long collectionId, long orderId, long buyerId, String identifier, int quantity);
}
