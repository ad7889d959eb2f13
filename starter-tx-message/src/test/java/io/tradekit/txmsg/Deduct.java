package io.tradekit.txmsg;

/** Test payload: deduct stock for an order; {@code mode} tells the test handler how to behave. */
public record Deduct(String orderId, int quantity, String mode) {
}
