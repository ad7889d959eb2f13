package io.tradekit.benchmarks.txmsg;

/**
 * The payload of both paths: an order id, the sender's {@link System#nanoTime()} just before the
 * send (for end-to-end latency in the same JVM) and padding to a realistic order size.
 */
public record BenchOrder(String orderId, long sentNanos, String pad) {
}
