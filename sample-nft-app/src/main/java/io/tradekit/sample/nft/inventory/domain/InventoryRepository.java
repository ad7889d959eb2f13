package io.tradekit.sample.nft.inventory.domain;

import java.util.List;
import java.util.OptionalInt;

/** The DB stock and inventory flow. Every stock change is a conditional update. */
public interface InventoryRepository {

    /** Creates the stock row unless it exists; true when created. */
    boolean initIfAbsent(long collectionId, int total);

    /** {@code stock = stock - quantity} where {@code stock >= quantity}; true when applied. */
    boolean deduct(long collectionId, int quantity);

    /** {@code stock = stock + quantity} where the result stays within the total; true when applied. */
    boolean restore(long collectionId, int quantity);

    /** Appends a flow; false when the order already has a flow of that type. */
    boolean appendFlow(InventoryFlow flow);

    OptionalInt stock(long collectionId);

    /** The stock a sale opened with (what Redis and DB count down from). */
    OptionalInt total(long collectionId);

    List<InventoryFlow> flows(long collectionId);

    /** Collections that have a DB stock (what the reconciliation walks). */
    List<Long> collections();
}
