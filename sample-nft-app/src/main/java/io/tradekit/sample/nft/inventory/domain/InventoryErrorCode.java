package io.tradekit.sample.nft.inventory.domain;

import io.tradekit.core.error.ErrorCode;

/** Failures inside the inventory context; its refusals to callers are {@code inventory.api.StockRefusal}. */
public enum InventoryErrorCode implements ErrorCode {

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
