package io.tradekit.sample.nft.inventory.domain;

import io.tradekit.core.error.ErrorCode;

/** Failures of the inventory context. */
public enum InventoryErrorCode implements ErrorCode {

    SOLD_OUT("The collection is sold out."),
    STOCK_MISSING("The collection is not on sale."),
    DB_STOCK_NOT_ENOUGH("The database stock cannot cover the deduction (drift from Redis).");

    private final String message;

    InventoryErrorCode(String message) {
        this.message = message;
    }

    @Override
    public String getCode() {
        return name();
    }

    @Override
    public String getMessage() {
        return message;
    }
}
