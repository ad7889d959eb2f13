package io.tradekit.stock;

import io.tradekit.core.error.ErrorCode;

/** The outcome of a stock operation, usable as an {@link ErrorCode} in a response. */
public enum StockCode implements ErrorCode {

    /** The operation was applied (or had been applied before: see {@link StockResult#replay()}). */
    SUCCESS("STOCK_SUCCESS", "The stock operation succeeded."),
    /** Redis holds less stock than the quantity asked for; nothing changed. */
    NOT_ENOUGH("STOCK_NOT_ENOUGH", "Not enough stock."),
    /** This instance knows the item is sold out and did not ask Redis; nothing changed. */
    SOLD_OUT("STOCK_SOLD_OUT", "The item is sold out."),
    /** No stock was initialised for the item (or it expired after invalidate); nothing changed. */
    STOCK_MISSING("STOCK_MISSING", "No stock exists for the item."),
    /** The stock key holds something that is not an integer; nothing changed. */
    STOCK_CORRUPT("STOCK_CORRUPT", "The stored stock is not an integer.");

    private final String code;
    private final String message;

    StockCode(String code, String message) {
        this.code = code;
        this.message = message;
    }

    @Override
    public String getCode() {
        return code;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
