package io.tradekit.sample.nft.order.application;

import java.math.BigDecimal;

/** Topics, scenes and payloads of the order context's transactional messages. */
public final class OrderMessages {

    /** Topic of accepted buys: the consumer writes DB stock, flows and the order. */
    public static final String CREATE_TOPIC = "nft-order-create";
    /** Scene whose local transaction deducts the Redis stock. */
    public static final String CREATE_SCENE = "ORDER_CREATE";
    /** Topic of cancelled or closed orders: the consumer gives the stock back. */
    public static final String CANCEL_TOPIC = "nft-order-cancel";
    /** Scene whose local transaction ends the order in the database. */
    public static final String CANCEL_SCENE = "ORDER_CANCEL";

    private OrderMessages() {
    }

    /**
     * An accepted buy whose Redis stock is deducted.
     *
     * @param orderId        the new order's id
     * @param buyerId        the buyer
     * @param collectionId   the collection
     * @param collectionName its name
     * @param quantity       how many
     * @param unitPrice      the price validated against the database
     * @param identifier     the spent anti-duplicate token
     * @param createdAt      epoch milliseconds of the buy
     */
    public record Create(long orderId, long buyerId, long collectionId, String collectionName, int quantity,
                         BigDecimal unitPrice, String identifier, long createdAt) {
    }

    /**
     * An order ended without payment, whose stock goes back.
     *
     * @param orderId      the order
     * @param buyerId      the buyer
     * @param collectionId the collection
     * @param quantity     how many
     * @param identifier   the order's anti-duplicate token
     * @param to           {@code CANCELLED} or {@code CLOSED}
     */
    public record Cancel(long orderId, long buyerId, long collectionId, int quantity, String identifier, String to) {
    }
}
