package io.tradekit.stock.redis;

import java.util.Objects;

/**
 * The Redis names of an item: {@code prefix + "{" + itemId + "}"} for the stock and the same plus
 * {@code ":records"} for the operation-record hash, so both share one Redis Cluster hash slot; the
 * restock channel is {@code prefix + "restock"}. Item ids are validated before they get here
 * ({@link io.tradekit.stock.StockIds}: no braces).
 */
public final class StockKeys {

    private final String prefix;

    /**
     * Creates the layout.
     *
     * @param prefix the key prefix, e.g. {@code "tradekit:stock:"}; must not contain braces
     */
    public StockKeys(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0) {
            throw new IllegalArgumentException("The stock key prefix must not contain '{' or '}'");
        }
        this.prefix = prefix;
    }

    /** The string key holding the item's stock. */
    public String stock(String itemId) {
        return prefix + "{" + itemId + "}";
    }

    /** The hash holding the item's operation records. */
    public String records(String itemId) {
        return prefix + "{" + itemId + "}:records";
    }

    /** The pub/sub channel announcing that an item has stock again. */
    public String restockChannel() {
        return prefix + "restock";
    }

    /** The record field of one operation: buyer, identifier and signed delta, separated by {@code |}. */
    public static String recordField(String buyerId, String identifier, long delta) {
        return buyerId + '|' + identifier + '|' + (delta > 0 ? "+" : "") + delta;
    }

    /** The index field pointing from an identifier to its deduction or increase record field. */
    public static String indexField(boolean deduction, String identifier) {
        return (deduction ? "#D|" : "#I|") + identifier;
    }
}
