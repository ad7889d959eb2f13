package io.tradekit.benchmarks.seckill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A seckill over several instances: {@code attempts} token + buy attempts by the given buyers, round after
 * round (every buyer once per round), each round through the next instance, from a pool of client threads.
 * The moment the last item is taken (the {@code items}-th ACCEPTED answer) the apps' CPU is read, so the
 * cost of turning late buyers away is measured apart from the selling.
 */
final class TwoInstanceSeckill {

    /** The seckill's numbers; times in seconds from its start. */
    record Result(int instances, int buyers, long attempts, long accepted, long pending, double seconds,
                  double soldOutAt, long refusedAfter, double refusedAfterSeconds, double cpuAfterMs,
                  double cpuTotalMs, Map<String, Long> outcomes) {

        double refusedPerSecond() {
            return refusedAfter / refusedAfterSeconds;
        }

        void print(double publicGetRps) {
            System.out.println();
            System.out.printf(Locale.ROOT, "seckill: %d attempts by %d buyers through %d instances in %.1f s (%.0f attempts/s);"
                            + " %d ACCEPTED, %d PENDING; sold out after %.1f s%n", attempts, buyers, instances, seconds,
                    attempts / seconds, accepted, pending, soldOutAt);
            System.out.printf(Locale.ROOT, "after the sell-out: %d attempts refused in %.1f s = **%.0f refused/s**, "
                            + "%.2f× the public cached GET (%.0f/s on one instance); app CPU (both) %.2f ms per refused attempt%n",
                    refusedAfter, refusedAfterSeconds, refusedPerSecond(), refusedPerSecond() / publicGetRps, publicGetRps,
                    cpuAfterMs / Math.max(1, refusedAfter));
            System.out.printf(Locale.ROOT, "app CPU (both) over the whole seckill: %.0f ms, %.2f ms per attempt; answers: %s%n",
                    cpuTotalMs, cpuTotalMs / Math.max(1, attempts), outcomes.entrySet().stream()
                            .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", ")));
        }
    }

    private TwoInstanceSeckill() {
    }

    static Result run(List<SeckillClient> instances, long[] appPids, List<String> buyers, Map<String, Object> body,
                      int items, int attempts, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong accepted = new AtomicLong();
        AtomicLong pending = new AtomicLong();
        long[] ends = new long[attempts];
        long[] starts = new long[attempts];
        String[] outcomes = new String[attempts];
        double[] cpuAtSoldOut = {Double.NaN};
        long[] soldOutNanos = {Long.MAX_VALUE};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double cpu0 = LoadPhase.cpu(appPids);
        long begin = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int k = next.getAndIncrement(); k < attempts; k = next.getAndIncrement()) {
                    String session = buyers.get(k % buyers.size());
                    SeckillClient client = instances.get((k / buyers.size()) % instances.size());
                    starts[k] = System.nanoTime();
                    String outcome = SoldOutLoadDriver.pair(client, session, body);
                    ends[k] = System.nanoTime();
                    outcomes[k] = outcome;
                    if ("200 ACCEPTED".equals(outcome) && accepted.incrementAndGet() == items) {
                        synchronized (soldOutNanos) {
                            soldOutNanos[0] = ends[k];
                            cpuAtSoldOut[0] = LoadPhase.cpu(appPids);
                        }
                    } else if ("200 PENDING".equals(outcome)) {
                        pending.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        long end = System.nanoTime();
        double cpuEnd = LoadPhase.cpu(appPids);
        long soldOut;
        double cpuSoldOut;
        synchronized (soldOutNanos) {
            soldOut = soldOutNanos[0];
            cpuSoldOut = cpuAtSoldOut[0];
        }
        Map<String, Long> counts = new TreeMap<>();
        long refusedAfter = 0;
        for (int k = 0; k < attempts; k++) {
            counts.merge(outcomes[k], 1L, Long::sum);
            if (starts[k] >= soldOut && !outcomes[k].equals("200 ACCEPTED")) {
                refusedAfter++;
            }
        }
        if (soldOut == Long.MAX_VALUE) {
            // Never sold out (PENDING answers, or refusals): no "after" to report.
            return new Result(instances.size(), buyers.size(), attempts, accepted.get(), pending.get(), (end - begin) / 1e9,
                    Double.NaN, 0, Double.NaN, Double.NaN, cpuEnd - cpu0, counts);
        }
        return new Result(instances.size(), buyers.size(), attempts, accepted.get(), pending.get(), (end - begin) / 1e9,
                (soldOut - begin) / 1e9, refusedAfter, (end - soldOut) / 1e9, cpuEnd - cpuSoldOut, cpuEnd - cpu0, counts);
    }
}
