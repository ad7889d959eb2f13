package io.tradekit.stock;

/** The kind of a recorded stock operation. */
public enum StockOperation {

    /** Stock taken by an order. */
    DEDUCT,
    /** Stock given back (cancel, refund, restock with an identifier). */
    INCREASE
}
