package io.tradekit.sample.nft.order.domain;

import io.tradekit.core.error.ErrorCode;

/** Failures of the order context. */
public enum OrderErrorCode implements ErrorCode {

    USER_NOT_ALLOWED("The user may not buy (unknown or frozen)."),
    REAL_NAME_REQUIRED("Real-name authentication is required before buying."),
    GOODS_NOT_ON_SALE("The collection is not on sale."),
    SALE_NOT_STARTED("The sale has not started yet."),
    PRICE_CHANGED("The price changed; reload the page."),
    NOT_BOOKED("The collection requires a booking before the sale."),
    SOLD_OUT("The collection is sold out."),
    ORDER_NOT_FOUND("The order does not exist."),
    ORDER_NOT_READY("The order is still being created; retry in a moment (a payment's Idempotency-Key was not spent)."),
    ORDER_STATE_CHANGED("The order is no longer in a state that allows this."),
    PAYMENT_FAILED("The payment was refused.");

    private final String message;

    OrderErrorCode(String message) {
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
