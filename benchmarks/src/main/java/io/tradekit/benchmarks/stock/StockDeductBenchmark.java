package io.tradekit.benchmarks.stock;

import io.lettuce.core.RedisClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.tradekit.core.redis.FlushConsolidation;
import io.tradekit.core.redis.LettuceClients;
import io.tradekit.core.redis.LettuceConnector;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.stock.StockCode;
import io.tradekit.stock.StockCommand;
import io.tradekit.stock.StockObserver;
import io.tradekit.stock.autoconfigure.MicrometerStockObserver;
import io.tradekit.stock.StockResult;
import io.tradekit.stock.StockService;
import io.tradekit.stock.redis.StockKeys;
import io.tradekit.stock.redis.StockRedis;
import io.tradekit.stock.redis.StockScripts;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;

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
import java.util.function.Supplier;

/**
 * In one run against one dev-services {@code redis-server}: {@code redis-benchmark -c 50} EVALSHA of
 * the deduct script at {@code -P 1} and {@code -P 16} (the ceilings), a minimal reference script
 * (HEXISTS, GET, DECRBY, HSET) at {@code -P 16} (with the server's CPU per call of both), the same
 * script through Lettuce's sync API on one shared connection (the client path alone), then
 * {@link StockService#deduct} and
 * {@link StockService#deductAsync} (batches of 16) from 50 threads, and the sold-out fast-fail.
 * Raw sync (plus a lone caller's round trip), {@code deduct} and {@code deductAsync} run once per client
 * variant and round, the variants taking turns going first: {@code plain} (Lettuce's flush per command)
 * and {@code consolidated} ({@link FlushConsolidation}: Netty's {@code FlushConsolidationHandler},
 * consolidating when no read is in progress), and {@code starter-opts} (plain flushes, the client options
 * of {@link LettuceClients}: timeouts through {@code TimeoutOptions}); leave them out with
 * {@code -Dbench.flushConsolidation=false} / {@code -Dbench.starterOptions=false}; {@code prometheus} (plain
 * client, the starter's {@code MicrometerStockObserver} on a {@code PrometheusMeterRegistry}: the meters'
 * overhead as its "sync/plain sync" ratio), left out with {@code -Dbench.prometheus=false}.
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
        StockKeys keys = new StockKeys("bench:stock:");
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("plain", null, () -> RedisClient.create(redis.uri()), keys));
        if (Boolean.parseBoolean(System.getProperty("bench.flushConsolidation", "true"))) {
            ClientResources consolidating = FlushConsolidation.resources(null);
            variants.add(new Variant("consolidated", consolidating,
                    () -> RedisClient.create(consolidating, redis.uri()), keys));
        }
        if (Boolean.parseBoolean(System.getProperty("bench.starterOptions", "true"))) {
            // Plain flushes, but the client options the starter really uses (LettuceClients: command timeouts
            // through TimeoutOptions, i.e. a timer entry per command; REJECT_COMMANDS; auto-reconnect).
            RedisProperties properties = new RedisProperties();
            properties.setUrl(redis.uri());
            variants.add(new Variant("starter-opts", null, () -> (RedisClient) LettuceClients.create(null, properties,
                    null, Duration.ofSeconds(2), Duration.ofSeconds(10)), keys));
        }
        if (Boolean.parseBoolean(System.getProperty("bench.prometheus", "true"))) {
            // Plain client, but the starter's Micrometer observer counting every deduction into the registry
            // that /actuator/prometheus scrapes: its "sync/plain sync" ratio is the overhead of the meters.
            StockObserver counted = new MicrometerStockObserver(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            variants.add(new Variant("prometheus", null, () -> RedisClient.create(redis.uri()), keys, counted));
        }
        try (StatefulRedisConnection<String, String> probe = probeClient.connect()) {
            String sha = probe.sync().scriptLoad(StockScripts.DEDUCT);
            String refSha = probe.sync().scriptLoad(REFERENCE);
            System.out.printf("redis-server %s on port %d, %d cores, %d ops per measurement, %d threads%n",
                    redis.executable(), redis.port(), Runtime.getRuntime().availableProcessors(), ops, THREADS);
            List<String> deductArgs = List.of("evalsha", sha, "2", keys.stock(ITEM), keys.records(ITEM),
                    "b|__rand_int__|-1", "1", "i", "#D|i");
            List<String> refArgs = List.of("evalsha", refSha, "2", keys.stock(ITEM), keys.records(ITEM),
                    "b|__rand_int__|-1", "1", REFERENCE_VALUE);
            List<double[]> results = new ArrayList<>();
            List<double[][]> clientResults = new ArrayList<>();
            String[] keyArray = {keys.stock(ITEM), keys.records(ITEM)};
            int n = variants.size();
            for (int round = 0; round <= rounds; round++) {
                double p1 = redisBenchmark(binary, redis.port(), 1, ops, deductArgs, probe, keys);
                double cpu0 = serverCpuSeconds(probe);
                double p16 = redisBenchmark(binary, redis.port(), 16, ops * 3, deductArgs, probe, keys);
                double cpu1 = serverCpuSeconds(probe);
                double ref16 = redisBenchmark(binary, redis.port(), 16, ops * 3, refArgs, probe, keys);
                double scriptServerUs = (cpu1 - cpu0) * 1e6 / (ops * 3);
                double refServerUs = (serverCpuSeconds(probe) - cpu1) * 1e6 / (ops * 3);
                // The client path alone (raw Lettuce sync, same script and arguments, nothing of ours), then
                // StockService, per client variant; the variants take turns going first, so none always gets
                // the cooler machine.
                double[][] m = new double[n][];
                for (int k = 0; k < n; k++) {
                    int v = (k + round) % n;
                    Variant variant = variants.get(v);
                    m[v] = clientPath(ops, probe, keys, sha, keyArray, variant.raw.sync(), variant.stock, "v" + v);
                }
                double[] plain = m[0];
                double raw = plain[0];
                double sync = plain[3];
                double async = plain[6];
                reset(probe, keys);
                double fastFail = fastFail(variants.get(0).stock, probe, keys, ops * 10);
                if (round == 0) {
                    System.out.println("warm-up round done");
                    continue;
                }
                results.add(new double[] {p1, p16, ref16, sync, async, fastFail, plain[4] + plain[5], raw,
                        plain[1] + plain[2], scriptServerUs, refServerUs});
                clientResults.add(m);
                System.out.printf(Locale.ROOT, "round %d: redis-benchmark deduct -P1 %.0f rps, -P16 %.0f rps, reference -P16"
                                + " %.0f rps (server CPU %.2f vs %.2f us/call) | script/reference at -P16 %.2f | fast-fail %.0f ops/s%n",
                        round, p1, p16, ref16, scriptServerUs, refServerUs, p16 / ref16, fastFail);
                for (int v = 0; v < n; v++) {
                    double[] x = m[v];
                    System.out.printf(Locale.ROOT, "round %d %-13s: raw Lettuce sync %.0f ops/s (JVM CPU user %.2f + sys %.2f"
                                    + " us/call, %.2fx plain raw) | StockService.deduct %.0f ops/s (%.2fx -P1, %.2fx its raw,"
                                    + " %.2fx plain deduct; JVM CPU user %.2f + sys %.2f us/call) | deductAsync x16 %.0f ops/s"
                                    + " (%.2fx -P16) | lone caller %.1f us per round trip (%.2fx plain)%n",
                            round, variants.get(v).name, x[0], x[1], x[2], x[0] / raw, x[3], x[3] / p1, x[3] / x[0],
                            x[3] / sync, x[4], x[5], x[6], x[6] / p16, x[7], x[7] / plain[7]);
                }
            }
            String[] names = {"sync/-P1", "async/-P16", "script/reference -P16", "sync/raw Lettuce sync",
                "reference/script server CPU per call", "StockService JVM CPU us/call", "raw Lettuce JVM CPU us/call"};
            for (int r = 0; r < names.length; r++) {
                List<Double> values = new ArrayList<>();
                for (double[] x : results) {
                    values.add(switch (r) {
                        case 0 -> x[3] / x[0];
                        case 1 -> x[4] / x[1];
                        case 2 -> x[1] / x[2];
                        case 3 -> x[3] / x[7];
                        case 4 -> x[10] / x[9];
                        case 5 -> x[6];
                        default -> x[8];
                    });
                }
                printMedian("plain " + names[r], values);
            }
            String[] perVariant = {"sync/-P1", "async/-P16", "raw/plain raw", "sync/plain sync",
                "StockService JVM CPU us/call", "raw Lettuce JVM CPU us/call", "lone caller us/round trip",
                "lone caller/plain lone caller"};
            for (int v = 1; v < n; v++) {
                for (int r = 0; r < perVariant.length; r++) {
                    List<Double> values = new ArrayList<>();
                    for (int i = 0; i < results.size(); i++) {
                        double[] base = results.get(i);
                        double[] plain = clientResults.get(i)[0];
                        double[] x = clientResults.get(i)[v];
                        values.add(switch (r) {
                            case 0 -> x[3] / base[0];
                            case 1 -> x[6] / base[1];
                            case 2 -> x[0] / plain[0];
                            case 3 -> x[3] / plain[3];
                            case 4 -> x[4] + x[5];
                            case 5 -> x[1] + x[2];
                            case 6 -> x[7];
                            default -> x[7] / plain[7];
                        });
                    }
                    printMedian(variants.get(v).name + " " + perVariant[r], values);
                }
            }
            List<Double> lone = new ArrayList<>();
            for (double[][] m : clientResults) {
                lone.add(m[0][7]);
            }
            printMedian("plain lone caller us/round trip", lone);
        } finally {
            for (Variant variant : variants) {
                variant.close();
            }
            probeClient.shutdown();
            redis.close();
        }
    }

    private static void printMedian(String name, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        System.out.printf(Locale.ROOT, "median %s %.2f (min %.2f, max %.2f)%n", name, sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /** One client configuration: a raw Lettuce connection and a StockService, both on the same kind of client. */
    private static final class Variant implements AutoCloseable {
        final String name;
        final ClientResources resources;
        final RedisClient rawClient;
        final StatefulRedisConnection<String, String> raw;
        final StockRedis stockRedis;
        final StockService stock;

        Variant(String name, ClientResources resources, Supplier<RedisClient> clients, StockKeys keys) {
            this(name, resources, clients, keys, StockObserver.NONE);
        }

        Variant(String name, ClientResources resources, Supplier<RedisClient> clients, StockKeys keys,
                StockObserver observer) {
            this.name = name;
            this.resources = resources;
            this.rawClient = clients.get();
            this.raw = rawClient.connect();
            this.stockRedis = new StockRedis(new LettuceConnector(clients.get(), Duration.ofSeconds(10),
                    Duration.ofSeconds(1), true), keys);
            this.stock = new StockService(stockRedis, Duration.ofMinutes(1), Duration.ofDays(1),
                    Duration.ofSeconds(1), observer);
        }

        @Override
        public void close() {
            stock.close();
            stockRedis.close();
            raw.close();
            rawClient.shutdown();
            if (resources != null) {
                resources.shutdown();
            }
        }
    }

    /**
     * Raw Lettuce sync, {@code deduct} and {@code deductAsync} x16 on one client, records reset before each:
     * {raw ops/s, raw user us, raw sys us, deduct ops/s, deduct user us, deduct sys us, async ops/s,
     * lone caller's raw round trip in us}.
     */
    private static double[] clientPath(int ops, StatefulRedisConnection<String, String> probe, StockKeys keys,
                                       String sha, String[] keyArray, RedisCommands<String, String> rawSync,
                                       StockService stock, String tag) throws Exception {
        reset(probe, keys);
        long[] rawCpu = processCpuTicks();
        double raw = measure(ops, (t, i) -> {
            String id = tag + "r" + i;
            String reply = rawSync.evalsha(sha, ScriptOutputType.VALUE, keyArray,
                    StockKeys.recordField("b" + t, id, -1), "1", id, StockKeys.indexField(true, id));
            if (reply == null || reply.charAt(0) != '0') {
                throw new IllegalStateException("unexpected raw reply " + reply);
            }
        });
        double[] rawCpuUs = cpuMicrosPerCall(rawCpu, ops);
        // A lone caller: one thread, one command at a time, so each call's round trip is its whole cost.
        int lone = Math.max(1, ops / 20);
        long loneBegin = System.nanoTime();
        for (int i = 0; i < lone; i++) {
            String id = tag + "l" + i;
            String reply = rawSync.evalsha(sha, ScriptOutputType.VALUE, keyArray,
                    StockKeys.recordField("lone", id, -1), "1", id, StockKeys.indexField(true, id));
            if (reply == null || reply.charAt(0) != '0') {
                throw new IllegalStateException("unexpected lone reply " + reply);
            }
        }
        double loneMicros = (System.nanoTime() - loneBegin) / 1e3 / lone;
        reset(probe, keys);
        long[] syncCpu = processCpuTicks();
        double sync = measure(ops, (t, i) -> check(stock.deduct(new StockCommand(ITEM, "b" + t, tag + "s" + i, 1))));
        double[] syncCpuUs = cpuMicrosPerCall(syncCpu, ops);
        reset(probe, keys);
        double async = measure(ops / 16, (t, i) -> {
            CompletableFuture<?>[] batch = new CompletableFuture<?>[16];
            for (int k = 0; k < 16; k++) {
                batch[k] = stock.deductAsync(new StockCommand(ITEM, "b" + t, tag + "a" + i + "-" + k, 1))
                        .thenAccept(StockDeductBenchmark::check).toCompletableFuture();
            }
            CompletableFuture.allOf(batch).get(30, TimeUnit.SECONDS);
        }) * 16;
        return new double[] {raw, rawCpuUs[0], rawCpuUs[1], sync, syncCpuUs[0], syncCpuUs[1], async, loneMicros};
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
