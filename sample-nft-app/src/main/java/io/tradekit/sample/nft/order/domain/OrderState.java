package io.tradekit.sample.nft.order.domain;

/** CREATED → PAID, or CREATED → CANCELLED (by the buyer) / CLOSED (unpaid past the timeout). */
public enum OrderState {
    CREATED, PAID, CANCELLED, CLOSED;

    /** Whether the order gave its stock back. */
    public boolean ended() {
        return this == CANCELLED || this == CLOSED;
    }
}
