package io.tradekit.benchmarks.seckill;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * One measured phase: {@code threads} closed-loop clients repeat one call (a request, or a token + buy
 * pair) until the time or the request budget is spent; rps, p50/p99 of the whole call, and the app's
 * CPU (/proc) over the phase divided by the calls.
 */
final class LoadPhase {

    /** One call of a client; returns its outcome ("200 OK", "200 ACCEPTED", "409 SOLD_OUT", ...). */
    @FunctionalInterface
    interface Call {
        String run(int thread, int iteration);
    }

    /** A phase's numbers; latencies in milliseconds, CPU in milliseconds per call. */
    record Result(String name, int threads, double seconds, long calls, double rps, double p50, double p99,
                  double cpuPerCallMs, Map<String, Long> outcomes) {

        String outcomesText() {
            return outcomes.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                    .collect(Collectors.joining(", "));
        }

        String line() {
            return String.format(Locale.ROOT, "%s: %d threads, %d calls in %.1f s, %.0f/s, p50 %.1f ms, p99 %.1f ms,"
                    + " app CPU %.2f ms/call; %s", name, threads, calls, seconds, rps, p50, p99, cpuPerCallMs, outcomesText());
        }
    }

    private LoadPhase() {
    }

    static Result run(String name, long[] appPids, int threads, double seconds, int maxCalls, Call call) throws Exception {
        AtomicInteger budget = new AtomicInteger(maxCalls);
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        long[][] nanos = new long[threads][];
        int[] counts = new int[threads];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] deadline = new long[1];
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            nanos[t] = new long[maxCalls];
            futures.add(pool.submit(() -> {
                go.await();
                while (System.nanoTime() < deadline[0] && budget.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    String outcome = call.run(thread, counts[thread]);
                    nanos[thread][counts[thread]++] = System.nanoTime() - t0;
                    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                }
                return null;
            }));
        }
        double cpu0 = cpu(appPids);
        long begin = System.nanoTime();
        deadline[0] = begin + (long) (seconds * 1e9);
        go.countDown();
        try {
            for (Future<?> future : futures) {
                future.get((long) seconds + 120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        double cpu = cpu(appPids) - cpu0;
        long calls = Arrays.stream(counts).sum();
        double[] p = percentiles(nanos, counts);
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.sum()));
        return new Result(name, threads, elapsed, calls, calls / elapsed, p[0], p[1], cpu / Math.max(1, calls), sorted);
    }

    static double cpu(long[] pids) {
        double total = 0;
        for (long pid : pids) {
            total += ProcessCpu.millis(pid);
        }
        return total;
    }

    /** p50 and p99 in milliseconds over all threads' samples. */
    static double[] percentiles(long[][] samples, int[] counts) {
        int total = Arrays.stream(counts).sum();
        if (total == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < samples.length; t++) {
            System.arraycopy(samples[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new double[] {all[(int) Math.min(total - 1, Math.ceil(total * 0.50) - 1)] / 1e6,
            all[(int) Math.min(total - 1, Math.ceil(total * 0.99) - 1)] / 1e6};
    }

    /** "200 OK", "200 ACCEPTED" (a buy's status), or the refusal's HTTP status and code. */
    static String outcome(SeckillClient.Answer answer) {
        if (answer.ok()) {
            String status = answer.data().path("status").asText("");
            return "200 " + (status.isEmpty() ? "OK" : status);
        }
        return answer.status() + " " + answer.code();
    }
}
