package io.tradekit.benchmarks.stock;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.core.redis.LettuceConnector;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.stock.StockCode;
import io.tradekit.stock.StockCommand;
import io.tradekit.stock.StockObserver;
import io.tradekit.stock.StockResult;
import io.tradekit.stock.StockService;
import io.tradekit.stock.redis.StockKeys;
import io.tradekit.stock.redis.StockRedis;
import io.tradekit.stock.redis.StockScripts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * In one run against one dev-services {@code redis-server}: {@code redis-benchmark -c 50} EVALSHA of
 * the deduct script at {@code -P 1} and {@code -P 16} (the ceilings), a minimal reference script
 * (HEXISTS, GET, DECRBY, HSET) at {@code -P 16} (with the server's CPU per call of both), the same
 * script through Lettuce's sync API on one shared connection (the client path alone), then
 * {@link StockService#deduct} and
 * {@link StockService#deductAsync} (batches of 16) from 50 threads, and the sold-out fast-fail.
 * The stock is 10^12, so it never runs out in the measured sections; records are deleted between
 * measurements (not timed). Unique identifiers per call: every call really deducts.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.tradekit.benchmarks.stock.StockDeductBenchmark [ops] [rounds]
 * </pre>
 */
public final class StockDeductBenchmark {

    private static final int THREADS = 50;
    /** USER_HZ of Linux on x86-64, the unit of /proc/self/stat CPU times. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;
    private static final String ITEM = "bench";
    private static final String REFERENCE = """
            if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then
              return 1
            end
            local stock = tonumber(redis.call('GET', KEYS[1]))
            local after = redis.call('DECRBY', KEYS[1], ARGV[2])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
            return 0
            """;
    private static final String REFERENCE_VALUE =
            "{\"type\":\"DEDUCT\",\"before\":1000000000000,\"after\":999999999999,\"delta\":-1,\"identifier\":\"x\",\"ts\":1700000000000}";

    private StockDeductBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String binary = RedisBenchmarkRun.BINARY;
        RedisDevService redis = RedisDevService.start(RedisSettings.DEFAULTS);
        RedisClient probeClient = RedisClient.create(redis.uri());
        RedisClient rawClient = RedisClient.create(redis.uri());
        StockKeys keys = new StockKeys("bench:stock:");
        StockRedis stockRedis = new StockRedis(new LettuceConnector(RedisClient.create(redis.uri()),
                Duration.ofSeconds(10), Duration.ofSeconds(1), true), keys);
        try (StatefulRedisConnection<String, String> probe = probeClient.connect();
             StatefulRedisConnection<String, String> rawConnection = rawClient.connect();
             StockService stock = new StockService(stockRedis, Duration.ofMinutes(1), Duration.ofDays(1),
                     Duration.ofSeconds(1), StockObserver.NONE)) {
            String sha = probe.sync().scriptLoad(StockScripts.DEDUCT);
            String refSha = probe.sync().scriptLoad(REFERENCE);
            System.out.printf("redis-server %s on port %d, %d cores, %d ops per measurement, %d threads%n",
                    redis.executable(), redis.port(), Runtime.getRuntime().availableProcessors(), ops, THREADS);
            List<String> deductArgs = List.of("evalsha", sha, "2", keys.stock(ITEM), keys.records(ITEM),
                    "b|__rand_int__|-1", "1", "i", "#D|i");
            List<String> refArgs = List.of("evalsha", refSha, "2", keys.stock(ITEM), keys.records(ITEM),
                    "b|__rand_int__|-1", "1", REFERENCE_VALUE);
            List<double[]> results = new ArrayList<>();
            RedisCommands<String, String> rawSync = rawConnection.sync();
            String[] keyArray = {keys.stock(ITEM), keys.records(ITEM)};
            for (int round = 0; round <= rounds; round++) {
                double p1 = redisBenchmark(binary, redis.port(), 1, ops, deductArgs, probe, keys);
                double cpu0 = serverCpuSeconds(probe);
                double p16 = redisBenchmark(binary, redis.port(), 16, ops * 3, deductArgs, probe, keys);
                double cpu1 = serverCpuSeconds(probe);
                double ref16 = redisBenchmark(binary, redis.port(), 16, ops * 3, refArgs, probe, keys);
                double scriptServerUs = (cpu1 - cpu0) * 1e6 / (ops * 3);
                double refServerUs = (serverCpuSeconds(probe) - cpu1) * 1e6 / (ops * 3);
                reset(probe, keys);
                // The client path alone: the same script and arguments through Lettuce's sync API on one
                // shared connection, as StockService uses it, minus everything of ours.
                long[] rawCpu = processCpuTicks();
                double raw = measure(ops, (t, i) -> {
                    String reply = rawSync.evalsha(sha, ScriptOutputType.VALUE, keyArray,
                            StockKeys.recordField("b" + t, "r" + i, -1), "1", "r" + i, StockKeys.indexField(true, "r" + i));
                    if (reply == null || reply.charAt(0) != '0') {
                        throw new IllegalStateException("unexpected raw reply " + reply);
                    }
                });
                double[] rawCpuUs = cpuMicrosPerCall(rawCpu, ops);
                reset(probe, keys);
                long[] syncCpu = processCpuTicks();
                double sync = measure(ops, (t, i) -> check(stock.deduct(
                        new StockCommand(ITEM, "b" + t, "s" + i, 1))));
                double[] syncCpuUs = cpuMicrosPerCall(syncCpu, ops);
                double cpuPerCall = syncCpuUs[0] + syncCpuUs[1];
                reset(probe, keys);
                double async = measure(ops / 16, (t, i) -> {
                    CompletableFuture<?>[] batch = new CompletableFuture<?>[16];
                    for (int k = 0; k < 16; k++) {
                        batch[k] = stock.deductAsync(new StockCommand(ITEM, "b" + t, "a" + i + "-" + k, 1))
                                .thenAccept(StockDeductBenchmark::check).toCompletableFuture();
                    }
                    CompletableFuture.allOf(batch).get(30, TimeUnit.SECONDS);
                }) * 16;
                reset(probe, keys);
                double fastFail = fastFail(stock, probe, keys, ops * 10);
                if (round == 0) {
                    System.out.println("warm-up round done");
                    continue;
                }
                results.add(new double[] {p1, p16, ref16, sync, async, fastFail, cpuPerCall, raw,
                        rawCpuUs[0] + rawCpuUs[1], scriptServerUs, refServerUs});
                System.out.printf(Locale.ROOT, "round %d: redis-benchmark deduct -P1 %.0f rps, -P16 %.0f rps, reference -P16"
                                + " %.0f rps (server CPU %.2f vs %.2f us/call) | raw Lettuce sync %.0f ops/s (JVM CPU user %.2f + sys %.2f"
                                + " us/call) | StockService.deduct %.0f ops/s (%.2fx -P1, %.2fx raw; JVM CPU user %.2f + sys %.2f us/call)"
                                + " | deductAsync x16 %.0f ops/s (%.2fx -P16) | script/reference at -P16 %.2f | fast-fail %.0f ops/s%n",
                        round, p1, p16, ref16, scriptServerUs, refServerUs, raw, rawCpuUs[0], rawCpuUs[1], sync, sync / p1,
                        sync / raw, syncCpuUs[0], syncCpuUs[1], async, async / p16, p16 / ref16, fastFail);
            }
            String[] names = {"sync/-P1", "async/-P16", "script/reference -P16", "sync/raw Lettuce sync",
                "reference/script server CPU per call", "StockService JVM CPU us/call", "raw Lettuce JVM CPU us/call"};
            for (int r = 0; r < names.length; r++) {
                List<Double> ratios = new ArrayList<>();
                for (double[] x : results) {
                    ratios.add(switch (r) {
                        case 0 -> x[3] / x[0];
                        case 1 -> x[4] / x[1];
                        case 2 -> x[1] / x[2];
                        case 3 -> x[3] / x[7];
                        case 4 -> x[10] / x[9];
                        case 5 -> x[6];
                        default -> x[8];
                    });
                }
                ratios.sort(Double::compare);
                System.out.printf(Locale.ROOT, "median %s %.2f (min %.2f, max %.2f)%n", names[r],
                        ratios.get(ratios.size() / 2), ratios.get(0), ratios.get(ratios.size() - 1));
            }
        } finally {
            stockRedis.close();
            probeClient.shutdown();
            rawClient.shutdown();
            redis.close();
        }
    }

    private static void check(StockResult result) {
        if (!result.success() || result.replay()) {
            throw new IllegalStateException("unexpected result in the measured section: " + result);
        }
    }

    private static void reset(StatefulRedisConnection<String, String> probe, StockKeys keys) {
        probe.sync().del(keys.records(ITEM));
        probe.sync().set(keys.stock(ITEM), "1000000000000");
    }

    private static double fastFail(StockService stock, StatefulRedisConnection<String, String> probe, StockKeys keys,
                                   int ops) throws Exception {
        String item = "soldout";
        probe.sync().set(keys.stock(item), "0");
        while (!stock.isFlaggedSoldOut(item)) {
            stock.deduct(new StockCommand(item, "b", "probe", 1));
        }
        long calls = evalshaCalls(probe);
        double rate = measure(ops, (t, i) -> {
            if (stock.deduct(new StockCommand(item, "b" + t, "f" + i, 1)).code() != StockCode.SOLD_OUT) {
                throw new IllegalStateException("fast-fail expected");
            }
        });
        if (evalshaCalls(probe) != calls) {
            throw new IllegalStateException("the fast-fail path called Redis");
        }
        return rate;
    }

    private static long evalshaCalls(StatefulRedisConnection<String, String> probe) {
        for (String line : probe.sync().info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_evalsha:calls=")) {
                return Long.parseLong(line.substring("cmdstat_evalsha:calls=".length(), line.indexOf(',')));
            }
        }
        return 0;
    }

    /** User and system CPU of this process, in clock ticks (/proc/self/stat fields 14 and 15). */
    private static long[] processCpuTicks() throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    /** User and system CPU microseconds per call since {@code before} (ticks of 10 ms: use many calls). */
    private static double[] cpuMicrosPerCall(long[] before, int calls) throws java.io.IOException {
        long[] now = processCpuTicks();
        double tickMicros = 1e6 / CLOCK_TICKS_PER_SECOND;
        return new double[] {(now[0] - before[0]) * tickMicros / calls, (now[1] - before[1]) * tickMicros / calls};
    }

    /** The Redis server's own CPU (user + sys) in seconds, from INFO cpu. */
    private static double serverCpuSeconds(StatefulRedisConnection<String, String> probe) {
        double total = 0;
        for (String line : probe.sync().info("cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return total;
    }

    private interface Task {
        void run(int thread, int index) throws Exception;
    }

    /** Runs indices 0..ops-1 on 50 threads and returns calls per second. */
    private static double measure(int ops, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            int slice = (ops + THREADS - 1) / THREADS;
            for (int t = 0; t < THREADS; t++) {
                int from = t * slice;
                int to = Math.min(ops, from + slice);
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = from; i < to; i++) {
                        task.run(thread, i);
                    }
                    return null;
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
            return ops / ((System.nanoTime() - begin) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double redisBenchmark(String binary, int port, int pipeline, int ops, List<String> command,
                                         StatefulRedisConnection<String, String> probe, StockKeys keys) throws Exception {
        reset(probe, keys);
        double rps = RedisBenchmarkRun.evalshaRps(binary, port, THREADS, pipeline, ops, command);
        long stockLeft = Long.parseLong(probe.sync().get(keys.stock(ITEM)));
        if (stockLeft <= 0 || stockLeft == 1_000_000_000_000L) {
            throw new IllegalStateException("the script did not deduct as expected: stock " + stockLeft);
        }
        return rps;
    }
}
