package io.tradekit.benchmarks.idempotent;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.idempotent.IdempotentTokenObserver;
import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.store.LettuceTokenStore;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput of {@link IdempotentTokenService#consume} from 50 threads against
 * {@code redis-benchmark -c 50 -P 1 EVALSHA} of the same script, alternating on one dev-services
 * {@code redis-server} in one run.
 *
 * <p>Each measured consume spends a fresh token issued beforehand (outside the measured section),
 * so every call runs the script's GET and DEL. The baseline's keys are random
 * ({@code -r}): a part of its calls find no key and skip the DEL, which makes the baseline a
 * little cheaper and the ratio conservative; the hit rate is printed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.tradekit.benchmarks.idempotent.IdempotentConsumeBenchmark [ops] [rounds] [redis-benchmark]
 * </pre>
 */
public final class IdempotentConsumeBenchmark {

    private static final int THREADS = 50;
    private static final String SCENE = "orderList";

    private IdempotentConsumeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String redisBenchmark = args.length > 2 ? args[2] : "/usr/bin/redis-benchmark";
        RedisDevService redis = RedisDevService.start(RedisSettings.DEFAULTS);
        RedisClient probeClient = RedisClient.create(redis.uri());
        try (LettuceTokenStore store = new LettuceTokenStore(RedisClient.create(redis.uri()), Duration.ofSeconds(10),
                Duration.ofSeconds(1), true);
             StatefulRedisConnection<String, String> probe = probeClient.connect()) {
            IdempotentTokenService tokens = new IdempotentTokenService(store, "bench:idem:", Duration.ofMinutes(30),
                    IdempotentTokenObserver.NONE);
            String sha = probe.sync().scriptLoad(LettuceTokenStore.CONSUME_SCRIPT);
            System.out.printf("redis-server %s on port %d, %d cores, %d ops per measurement, %d threads%n",
                    redis.executable(), redis.port(), Runtime.getRuntime().availableProcessors(), ops, THREADS);
            // Warm-up: one unreported round of each.
            measureService(tokens, ops / 2);
            runRedisBenchmark(redisBenchmark, redis.port(), sha, ops / 2, probe);
            List<Double> ratios = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                probe.sync().flushdb();
                double baseline = runRedisBenchmark(redisBenchmark, redis.port(), sha, ops, probe);
                double service = measureService(tokens, ops);
                double ratio = service / baseline;
                ratios.add(ratio);
                System.out.printf(Locale.ROOT, "round %d: service consume %.0f ops/s, redis-benchmark EVALSHA %.0f rps, ratio %.2f%n",
                        round, service, baseline, ratio);
            }
            ratios.sort(Double::compare);
            System.out.printf(Locale.ROOT, "median ratio %.2f (min %.2f, max %.2f)%n", ratios.get(ratios.size() / 2),
                    ratios.get(0), ratios.get(ratios.size() - 1));
        } finally {
            probeClient.shutdown();
            redis.close();
        }
    }

    /** Issues {@code ops} tokens (not timed), then times 50 threads spending them all. */
    private static double measureService(IdempotentTokenService tokens, int ops) throws Exception {
        String[] issued = new String[ops];
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            runParallel(pool, ops, i -> issued[i] = tokens.issue(SCENE));
            AtomicInteger spent = new AtomicInteger();
            long start = System.nanoTime();
            runParallel(pool, ops, i -> {
                if (tokens.consume(issued[i], SCENE)) {
                    spent.incrementAndGet();
                }
            });
            long elapsed = System.nanoTime() - start;
            if (spent.get() != ops) {
                throw new IllegalStateException("only " + spent.get() + " of " + ops + " fresh tokens were spent");
            }
            return ops / (elapsed / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private interface IndexedTask {
        void run(int index) throws Exception;
    }

    /** Runs indices 0..ops-1 on the pool's 50 threads, each thread a contiguous slice. */
    private static void runParallel(ExecutorService pool, int ops, IndexedTask task) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        int slice = (ops + THREADS - 1) / THREADS;
        for (int t = 0; t < THREADS; t++) {
            int from = t * slice;
            int to = Math.min(ops, from + slice);
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = from; i < to; i++) {
                    task.run(i);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(10, TimeUnit.MINUTES);
        }
    }

    /** Preloads random keys, then runs the same script through redis-benchmark and returns its rps. */
    private static double runRedisBenchmark(String binary, int port, String sha, int ops,
                                            StatefulRedisConnection<String, String> probe) throws Exception {
        String keyspace = String.valueOf(ops);
        run(List.of(binary, "-h", "127.0.0.1", "-p", String.valueOf(port), "-c", "50", "-P", "1", "-n",
                String.valueOf(ops), "-r", keyspace, "--csv", "set", "bench:base:__rand_int__", "*"));
        long before = probe.sync().dbsize();
        String csv = run(List.of(binary, "-h", "127.0.0.1", "-p", String.valueOf(port), "-c", "50", "-P", "1", "-n",
                String.valueOf(ops), "-r", keyspace, "--csv", "evalsha", sha, "1", "bench:base:__rand_int__", ""));
        long deleted = before - probe.sync().dbsize();
        System.out.printf(Locale.ROOT, "  redis-benchmark EVALSHA hit rate %.2f (%d of %d calls deleted a key)%n",
                deleted / (double) ops, deleted, ops);
        for (String line : csv.split("\n")) {
            String[] fields = line.split(",");
            if (fields.length >= 2 && fields[0].toLowerCase(Locale.ROOT).contains("evalsha")) {
                return Double.parseDouble(fields[1].replace("\"", ""));
            }
        }
        throw new IllegalStateException("no EVALSHA line in redis-benchmark output: " + csv);
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
            }
        }
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("command failed: " + String.join(" ", command) + "\n" + output);
        }
        return output.toString();
    }
}
