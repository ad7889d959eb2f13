package io.tradekit.devservices.fault;

import java.util.Collection;

/**
 * Percentiles of the latencies a fault test measured, for its {@code MEASURE} line: one definition
 * (nearest rank) instead of a copy per test class. Reported, never asserted: speed belongs in benchmarks.
 */
public final class Latencies {

    private Latencies() {
    }

    /**
     * The {@code percent}-th percentile (nearest rank; 50 is the median, 100 the maximum) of durations in
     * nanoseconds, in milliseconds; {@code NaN} when there are none.
     *
     * @throws IllegalArgumentException for a percent outside 1 to 100
     */
    public static double percentileMs(Collection<Long> nanos, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1 to 100, was " + percent);
        }
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.min(sorted.length - 1, Math.max(index, 0))] / 1_000_000.0;
    }
}
