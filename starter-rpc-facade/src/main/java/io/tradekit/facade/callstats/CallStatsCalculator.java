package io.tradekit.facade.callstats;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Folds the timers of one meter name (one per outcome: success and code tags) into one
 * {@link CallStats} per call name.
 *
 * <p>Count, success rate and average come from the timers' count and total time. The p99 comes from
 * their histogram buckets, merged across outcomes (bucket boundaries are the same for every timer of
 * the name, see {@link CallStatsHistograms}): percentiles of separate timers cannot be combined, bucket
 * counts can. Micrometer reports cumulative bucket counts (calls at or below each boundary).
 */
final class CallStatsCalculator {

    private static final double NANOS_PER_MS = 1_000_000.0;

    private CallStatsCalculator() {
    }

    static List<CallStats> of(MeterRegistry registry, String meterName, Function<Timer, String> nameOf) {
        Collection<Timer> timers = registry.find(meterName).timers();
        Map<String, Accumulator> byName = new TreeMap<>();
        for (Timer timer : timers) {
            String name = nameOf.apply(timer);
            if (name == null) {
                continue;
            }
            byName.computeIfAbsent(name, k -> new Accumulator()).add(timer);
        }
        List<CallStats> stats = new ArrayList<>(byName.size());
        byName.forEach((name, acc) -> {
            if (acc.count > 0) {
                stats.add(acc.toStats(name));
            }
        });
        return stats;
    }

    private static final class Accumulator {

        private long count;
        private long successes;
        private double totalNanos;
        private final TreeMap<Double, Double> buckets = new TreeMap<>();

        void add(Timer timer) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            long n = snapshot.count();
            count += n;
            if ("true".equals(timer.getId().getTag("success"))) {
                successes += n;
            }
            totalNanos += snapshot.total(TimeUnit.NANOSECONDS);
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                buckets.merge(bucket.bucket(TimeUnit.NANOSECONDS), bucket.count(), Double::sum);
            }
        }

        CallStats toStats(String name) {
            return new CallStats(name, count, successes, (double) successes / count, totalNanos / count / NANOS_PER_MS,
                    p99());
        }

        /** The smallest boundary with at least 99 % of the histogram's calls at or below it. */
        private Double p99() {
            if (buckets.isEmpty()) {
                return null;
            }
            double held = buckets.lastEntry().getValue();
            if (held <= 0) {
                return null;
            }
            double rank = Math.ceil(held * 0.99);
            for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
                if (bucket.getValue() >= rank) {
                    return bucket.getKey() / NANOS_PER_MS;
                }
            }
            return buckets.lastKey() / NANOS_PER_MS;
        }
    }
}
