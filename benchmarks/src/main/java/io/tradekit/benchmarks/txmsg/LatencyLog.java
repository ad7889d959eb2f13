package io.tradekit.benchmarks.txmsg;

import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** End-to-end latencies of one measurement: one slot per message, written once by the consumer. */
final class LatencyLog {

    private final long[] nanos;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();

    LatencyLog(int capacity) {
        this.nanos = new long[capacity];
    }

    /** Records one consumed message (a redelivery is counted, not timed again). */
    void consumed(String orderId, long sentNanos, long doneNanos) {
        if (!seen.add(orderId)) {
            duplicates.incrementAndGet();
            return;
        }
        int slot = count.getAndIncrement();
        if (slot < nanos.length) {
            nanos[slot] = doneNanos - sentNanos;
        }
    }

    int count() {
        return count.get();
    }

    int duplicates() {
        return duplicates.get();
    }

    /** The {@code q} quantile in milliseconds (q in 0..1) of what was recorded. */
    double quantileMillis(double q) {
        int n = Math.min(count.get(), nanos.length);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int index = (int) Math.min(n - 1, Math.ceil(q * n) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
