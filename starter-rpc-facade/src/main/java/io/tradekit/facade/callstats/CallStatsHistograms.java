package io.tradekit.facade.callstats;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.Set;

/**
 * Gives the timers the {@code callstats} endpoint reads fixed histogram buckets, so their p99 can be
 * merged across outcomes (and Prometheus can compute it with {@code histogram_quantile}).
 *
 * <p>Explicit boundaries ("service level objectives" in Micrometer's words), not Micrometer's percentile
 * histogram: every registry keeps these, while the simple registry drops percentile histograms. They
 * grow by {@value #GROWTH}× from 100 µs to about 52 s — {@value #BUCKETS} counters per timer whatever the
 * traffic, so memory is bounded and a p99 is at most 25 % above the true value. The buckets count since
 * start (no rotating window), like the timer's count and total, so all numbers cover the same calls.
 */
final class CallStatsHistograms implements MeterFilter {

    static final double GROWTH = 1.25;
    static final int BUCKETS = 60;
    static final Duration FIRST = Duration.ofNanos(100_000);

    private static final double[] BOUNDARIES = boundaries();
    /** Long enough that the histogram never rotates: it counts since start. */
    private static final Duration NEVER = Duration.ofDays(3650);

    private final Set<String> names;

    CallStatsHistograms(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !names.contains(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(BOUNDARIES.clone())
                .expiry(NEVER)
                .bufferLength(1)
                .build()
                .merge(config);
    }

    /** The bucket boundaries in nanoseconds. */
    static double[] boundaries() {
        double[] boundaries = new double[BUCKETS];
        double value = FIRST.toNanos();
        for (int i = 0; i < BUCKETS; i++) {
            boundaries[i] = Math.rint(value);
            value *= GROWTH;
        }
        return boundaries;
    }
}
