package io.tradekit.sample.nft.order.domain;

/**
 * CREATING (the buy was accepted: Redis stock held, the order consumer has not written it yet) →
 * CREATED (DB stock deducted) → PAID, or CREATED → CANCELLED (by the buyer) / CLOSED (unpaid past the
 * timeout); CREATING → FAILED when the order message ended as a dead letter (Redis stock given back).
 */
public enum OrderState {
    CREATING, CREATED, PAID, CANCELLED, CLOSED, FAILED;

    /** Whether a cancel or close gave the order's stock back. */
    public boolean ended() {
        return this == CANCELLED || this == CLOSED;
    }

    /** Whether the order consumer has not written the order yet: pay and cancel must wait. */
    public boolean beingCreated() {
        return this == CREATING;
    }
}
