package io.tradekit.benchmarks.seckill;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.benchmarks.stock.RedisBenchmarkRun;
import io.tradekit.stock.redis.StockKeys;
import io.tradekit.stock.redis.StockScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The seckill end to end, bounded and self-stopping (a load driver, not JMH: one long-lived server
 * and a closed loop of virtual users). In one run:
 * <ol>
 *   <li>starts the sample app's Boot jar as a child JVM on 127.0.0.1 (free ports, its Redis on a
 *       port chosen here);</li>
 *   <li>the Redis deduction ceiling on that very Redis: {@code redis-benchmark -c 50 -P 1} EVALSHA of
 *       the stock starter's deduct script (keys of its own), as {@code StockDeductBenchmark} does;</li>
 *   <li>setup over HTTP: the admin creates and opens a collection with a large stock; buyers register,
 *       log in and pass real-name authentication;</li>
 *   <li>a warm-up, then each step of virtual users (default 1, 4, 16, 64): every user loops
 *       {@code GET /idempotent/token?scene=buy} then {@code POST /trade/buy} with it, until the step's
 *       time or request budget is spent. A buyer buys at most {@value #BUYS_PER_BUYER} times (the
 *       order list the check reads answers 50 per buyer), then the user takes a fresh buyer;</li>
 *   <li>the check: the orders the API lists for the collection equal the accepted buys (once the
 *       order consumer has drained, polled with a deadline) and the Redis stock is the initial stock
 *       minus them: no oversell, no lost order; then the ceiling again on the drained app;</li>
 *   <li>a table on stdout and a PNG chart of orders/s against users.</li>
 * </ol>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.tradekit.benchmarks.seckill.SeckillLoadDriver \
 *     [--jar sample-nft-app/target/sample-nft-app-0.1.0-SNAPSHOT.jar] [--users 1,4,16,64] [--seconds 20]
 *     [--max-buys 2500] [--warmup-buys 1000] [--redis-ops 100000] [--png benchmarks/seckill-throughput.png]
 * </pre>
 */
public final class SeckillLoadDriver {

    static final int BUYS_PER_BUYER = 40;
    private static final int STOCK = 1_000_000;
    private static final String PRICE = "9.90";
    /** USER_HZ of Linux on x86-64, the unit of /proc/[pid]/stat CPU times. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private SeckillLoadDriver() {
    }

    /** One step's outcome. Latencies in milliseconds. */
    record Step(int users, double seconds, long requests, long accepted, long pending, Map<String, Long> refused,
                double ordersPerSecond, double buyP50, double buyP99, double loopP50, double loopP99,
                double appCpuPerBuyMs, double redisCpuPerBuyUs) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path jar = Path.of(options.getOrDefault("jar", "sample-nft-app/target/sample-nft-app-0.1.0-SNAPSHOT.jar"));
        int[] users = Arrays.stream(options.getOrDefault("users", "1,4,16,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Duration stepTime = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        int maxBuys = Integer.parseInt(options.getOrDefault("max-buys", "2500"));
        int warmupBuys = Integer.parseInt(options.getOrDefault("warmup-buys", "1000"));
        int redisOps = Integer.parseInt(options.getOrDefault("redis-ops", "100000"));
        Path png = Path.of(options.getOrDefault("png", "benchmarks/seckill-throughput.png"));
        int maxUsers = Arrays.stream(users).max().orElse(1);
        int buyers = (warmupBuys + maxBuys * users.length) / BUYS_PER_BUYER + 2 * maxUsers;

        System.out.printf(Locale.ROOT, "%s, %d cores, load average %s; steps %s users, %s or %d buys each%n",
                System.getProperty("java.vm.name") + " " + Runtime.version(), Runtime.getRuntime().availableProcessors(),
                loadAverage(), Arrays.toString(users), stepTime, maxBuys);
        long started = System.nanoTime();
        // Password hashing only costs the setup (register/login), never the measured buys: the minimum
        // rounds the app accepts keep registering a few hundred buyers short.
        try (SampleAppProcess app = SampleAppProcess.start(jar, Path.of("benchmarks/target/seckill-app.log"), "1g",
                List.of("--sample.user.password-iterations=10000", "--logging.level.root=WARN"),
                Duration.ofMinutes(4))) {
            System.out.printf(Locale.ROOT, "sample app pid %d up on port %d (Redis %d) after %.0f s%n", app.pid(),
                    app.httpPort(), app.redisPort(), (System.nanoTime() - started) / 1e9);
            RedisClient redisClient = RedisClient.create("redis://127.0.0.1:" + app.redisPort());
            try (StatefulRedisConnection<String, String> redis = redisClient.connect()) {
                double ceilingBefore = ceiling(redis, app.redisPort(), redisOps);
                System.out.printf(Locale.ROOT, "Redis ceiling before: %.0f EVALSHA deduct/s (-c 50 -P 1)%n", ceilingBefore);

                SeckillClient client = new SeckillClient(app.httpPort());
                String admin = client.loginAdmin();
                long collection = client.openCollection(admin, PRICE, STOCK);
                long setup = System.nanoTime();
                List<String> sessions = registerBuyers(client, buyers);
                System.out.printf(Locale.ROOT, "collection %d (stock %d), %d buyers ready in %.0f s%n", collection,
                        STOCK, sessions.size(), (System.nanoTime() - setup) / 1e9);
                BlockingQueue<String> pool = new ArrayBlockingQueue<>(sessions.size(), false, sessions);

                LongAdder accepted = new LongAdder();
                LongAdder pending = new LongAdder();
                Step warmup = step(client, app.pid(), redis, pool, collection, Math.min(16, maxUsers),
                        stepTime, warmupBuys, accepted, pending);
                System.out.println("warm-up: " + describe(warmup));
                List<Step> steps = new ArrayList<>();
                for (int n : users) {
                    Step step = step(client, app.pid(), redis, pool, collection, n, stepTime, maxBuys, accepted, pending);
                    steps.add(step);
                    System.out.println("step: " + describe(step));
                }
                // The check first: it waits for the order consumer to drain, so the second ceiling is
                // measured on an idle app as the first one was.
                String failure = verify(client, redis, sessions, collection, accepted.sum(), pending.sum());
                System.out.println("check-backs answered: " + meter(client, admin, "tradekit.txmsg.check")
                        + ", dropped (check threads full): " + meter(client, admin, "tradekit.txmsg.check.dropped"));
                double ceilingAfter = ceiling(redis, app.redisPort(), redisOps);
                System.out.printf(Locale.ROOT, "Redis ceiling after: %.0f EVALSHA deduct/s (-c 50 -P 1)%n", ceilingAfter);
                print(steps, ceilingBefore, ceilingAfter);
                ThroughputChart.write(png, steps, (ceilingBefore + ceilingAfter) / 2);
                System.out.println("chart: " + png.toAbsolutePath());
                if (failure != null) {
                    throw new IllegalStateException(failure);
                }
            } finally {
                redisClient.shutdown();
            }
        }
        System.out.printf(Locale.ROOT, "done in %.0f s; load average %s%n", (System.nanoTime() - started) / 1e9,
                loadAverage());
    }

    /** redis-benchmark EVALSHA of the deduct script on the app's Redis, keys apart from the app's. */
    private static double ceiling(StatefulRedisConnection<String, String> redis, int port, int ops) throws Exception {
        StockKeys keys = new StockKeys("bench:seckill:");
        String item = "ceiling";
        redis.sync().del(keys.records(item));
        redis.sync().set(keys.stock(item), "1000000000000");
        String sha = redis.sync().scriptLoad(StockScripts.DEDUCT);
        double rps = RedisBenchmarkRun.evalshaRps(RedisBenchmarkRun.BINARY, port, 50, 1, ops, List.of("evalsha", sha,
                "2", keys.stock(item), keys.records(item), "b|__rand_int__|-1", "1", "i", "#D|i"));
        long left = Long.parseLong(redis.sync().get(keys.stock(item)));
        if (left >= 1_000_000_000_000L) {
            throw new IllegalStateException("the deduct script did not deduct under redis-benchmark");
        }
        redis.sync().del(keys.records(item), keys.stock(item));
        return rps;
    }

    private static List<String> registerBuyers(SeckillClient client, int count) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            long firstPhone = 13_900_000_000L + (System.currentTimeMillis() % 1_000_000) * 100;
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String phone = Long.toString(firstPhone + i);
                String idCard = idCard(i);
                futures.add(workers.submit(() -> client.newBuyer(phone, idCard)));
            }
            List<String> sessions = new ArrayList<>();
            for (Future<String> future : futures) {
                sessions.add(future.get(2, TimeUnit.MINUTES));
            }
            return sessions;
        } finally {
            workers.shutdownNow();
        }
    }

    /** A valid GB 11643 number (ISO 7064 MOD 11-2 check character). */
    static String idCard(int sequence) {
        String first17 = "110101" + "19900307" + String.format(Locale.ROOT, "%03d", sequence % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** One step: {@code users} threads loop token → buy until the time or the request budget is spent. */
    private static Step step(SeckillClient client, long appPid, StatefulRedisConnection<String, String> redis,
                             BlockingQueue<String> pool, long collection, int users, Duration time, int maxBuys,
                             LongAdder acceptedTotal, LongAdder pendingTotal) throws Exception {
        AtomicInteger budget = new AtomicInteger(maxBuys);
        LongAdder accepted = new LongAdder();
        LongAdder pending = new LongAdder();
        Map<String, LongAdder> refused = new ConcurrentHashMap<>();
        long[][] buyNanos = new long[users][];
        long[][] loopNanos = new long[users][];
        int[] counts = new int[users];
        ExecutorService threads = Executors.newFixedThreadPool(users);
        CountDownLatch go = new CountDownLatch(1);
        Map<String, Object> body = Map.of("collectionId", collection, "quantity", 1, "price", new java.math.BigDecimal(PRICE));
        List<Future<?>> futures = new ArrayList<>();
        AtomicLong deadline = new AtomicLong();
        for (int u = 0; u < users; u++) {
            int user = u;
            buyNanos[u] = new long[maxBuys];
            loopNanos[u] = new long[maxBuys];
            futures.add(threads.submit(() -> {
                go.await();
                String session = null;
                int used = BUYS_PER_BUYER;
                while (System.nanoTime() < deadline.get() && budget.getAndDecrement() > 0) {
                    if (used == BUYS_PER_BUYER) {
                        session = pool.poll();
                        used = 0;
                        if (session == null) {
                            throw new IllegalStateException("out of buyers: raise the pool");
                        }
                    }
                    long t0 = System.nanoTime();
                    SeckillClient.Answer token = client.get("/idempotent/token?scene=buy", session);
                    SeckillClient.require(token, "token");
                    long t1 = System.nanoTime();
                    SeckillClient.Answer buy = client.post("/trade/buy", session, token.data().asText(), body);
                    long t2 = System.nanoTime();
                    used++;
                    buyNanos[user][counts[user]] = t2 - t1;
                    loopNanos[user][counts[user]] = t2 - t0;
                    counts[user]++;
                    if (buy.ok() && "ACCEPTED".equals(buy.data().path("status").asText())) {
                        accepted.increment();
                    } else if (buy.ok() && "PENDING".equals(buy.data().path("status").asText())) {
                        pending.increment();
                    } else {
                        refused.computeIfAbsent(buy.status() + " " + buy.code(), k -> new LongAdder()).increment();
                    }
                }
                return null;
            }));
        }
        long[] appCpu0 = processCpuTicks(appPid);
        double redisCpu0 = redisCpuSeconds(redis);
        long begin = System.nanoTime();
        deadline.set(begin + time.toNanos());
        go.countDown();
        try {
            for (Future<?> future : futures) {
                future.get(time.toSeconds() + 120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        long[] appCpu1 = processCpuTicks(appPid);
        double redisCpu1 = redisCpuSeconds(redis);
        acceptedTotal.add(accepted.sum());
        pendingTotal.add(pending.sum());
        long requests = Arrays.stream(counts).sum();
        double[] buy = percentiles(buyNanos, counts);
        double[] loop = percentiles(loopNanos, counts);
        double appCpuMs = ((appCpu1[0] + appCpu1[1]) - (appCpu0[0] + appCpu0[1])) * 1000 / CLOCK_TICKS_PER_SECOND;
        Map<String, Long> refusedCounts = new TreeMap<>();
        refused.forEach((k, v) -> refusedCounts.put(k, v.sum()));
        return new Step(users, seconds, requests, accepted.sum(), pending.sum(), refusedCounts,
                accepted.sum() / seconds, buy[0], buy[1], loop[0], loop[1], appCpuMs / Math.max(1, requests),
                (redisCpu1 - redisCpu0) * 1e6 / Math.max(1, requests));
    }

    /** p50 and p99 in milliseconds of all threads' samples. */
    private static double[] percentiles(long[][] samples, int[] counts) {
        int total = Arrays.stream(counts).sum();
        if (total == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        long[] all = new long[total];
        int at = 0;
        for (int u = 0; u < samples.length; u++) {
            System.arraycopy(samples[u], 0, all, at, counts[u]);
            at += counts[u];
        }
        Arrays.sort(all);
        return new double[] {all[(int) Math.min(total - 1, Math.ceil(total * 0.50) - 1)] / 1e6,
            all[(int) Math.min(total - 1, Math.ceil(total * 0.99) - 1)] / 1e6};
    }

    /** A counter's total from the app's actuator (0 when it was never incremented, so never registered). */
    private static long meter(SeckillClient client, String admin, String name) {
        SeckillClient.Answer answer = client.get("/actuator/metrics/" + name, admin);
        if (answer.status() == 404) {
            return 0;
        }
        if (answer.status() != 200) {
            throw new IllegalStateException("metric " + name + ": HTTP " + answer.status() + " " + answer.body());
        }
        for (JsonNode measurement : answer.body().path("measurements")) {
            if ("COUNT".equals(measurement.path("statistic").asText())) {
                return measurement.path("value").asLong();
            }
        }
        throw new IllegalStateException("metric " + name + " has no COUNT: " + answer.body());
    }

    /**
     * No oversell, no lost order: once the order consumer has drained (polled, 3 minutes at most), the
     * collection's orders over all buyers equal the accepted buys (plus those of PENDING answers the
     * check-back committed), and the Redis stock is the initial stock minus them.
     *
     * @return {@code null} when both hold, else what failed (the caller reports the numbers first)
     */
    private static String verify(SeckillClient client, StatefulRedisConnection<String, String> redis,
                               List<String> sessions, long collection, long accepted, long pending) throws Exception {
        long begin = System.nanoTime();
        long deadline = begin + Duration.ofMinutes(3).toNanos();
        long orders = -1;
        while (System.nanoTime() < deadline) {
            orders = 0;
            for (String session : sessions) {
                SeckillClient.Answer mine = SeckillClient.require(client.get("/trade/orders", session), "orders");
                // A MultiResponse carries its items in "list".
                for (JsonNode order : mine.body().path("list")) {
                    if (order.path("collectionId").asLong() == collection) {
                        orders++;
                    }
                }
            }
            if (orders >= accepted && orders <= accepted + pending) {
                break;
            }
            Thread.sleep(1000);
        }
        String stockKey = new StockKeys("tradekit:stock:").stock("nft:" + collection);
        long redisStock = Long.parseLong(redis.sync().get(stockKey));
        System.out.printf(Locale.ROOT, "check: accepted %d, pending %d, orders listed %d (after %.1f s), "
                        + "Redis stock %d of %d%n", accepted, pending, orders, (System.nanoTime() - begin) / 1e9,
                redisStock, STOCK);
        if (orders < accepted || orders > accepted + pending) {
            return "orders " + orders + " do not match accepted " + accepted + " (+ pending " + pending + ")";
        }
        if (redisStock != STOCK - orders) {
            return "Redis stock " + redisStock + " != " + STOCK + " - " + orders;
        }
        System.out.println("check passed: every accepted buy is one order, none more (no oversell)");
        return null;
    }

    private static void print(List<Step> steps, double ceilingBefore, double ceilingAfter) {
        double ceiling = (ceilingBefore + ceilingAfter) / 2;
        System.out.println();
        System.out.println("| users | buys | accepted | other answers | orders/s | buy p50 ms | buy p99 ms "
                + "| token+buy p50 ms | token+buy p99 ms | app CPU ms/buy | Redis CPU us/buy | ceiling / orders/s |");
        System.out.println("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Step s : steps) {
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %.2f | %.0f | %.0fx |%n",
                    s.users(), s.requests(), s.accepted(), other(s), s.ordersPerSecond(), s.buyP50(), s.buyP99(),
                    s.loopP50(), s.loopP99(), s.appCpuPerBuyMs(), s.redisCpuPerBuyUs(), ceiling / s.ordersPerSecond());
        }
        System.out.printf(Locale.ROOT, "%nRedis deduct ceiling (redis-benchmark -c 50 -P 1 EVALSHA, same Redis): "
                + "%.0f/s before, %.0f/s after the steps%n", ceilingBefore, ceilingAfter);
    }

    private static String other(Step s) {
        if (s.pending() == 0 && s.refused().isEmpty()) {
            return "none";
        }
        String refused = s.refused().entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
        return (s.pending() > 0 ? "PENDING x" + s.pending() + (refused.isEmpty() ? "" : ", ") : "") + refused;
    }

    private static String describe(Step s) {
        return String.format(Locale.ROOT, "%d users, %d buys in %.1f s, accepted %d, other %s, %.0f orders/s, "
                        + "buy p50 %.1f ms p99 %.1f ms, token+buy p50 %.1f ms p99 %.1f ms, app CPU %.2f ms/buy, "
                        + "Redis CPU %.0f us/buy", s.users(), s.requests(), s.seconds(), s.accepted(), other(s),
                s.ordersPerSecond(), s.buyP50(), s.buyP99(), s.loopP50(), s.loopP99(), s.appCpuPerBuyMs(),
                s.redisCpuPerBuyUs());
    }

    /** User and system CPU of a process in clock ticks (/proc/[pid]/stat fields 14 and 15). */
    private static long[] processCpuTicks(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    /** The Redis server's own CPU (user + sys) in seconds, from INFO cpu. */
    private static double redisCpuSeconds(StatefulRedisConnection<String, String> redis) {
        double total = 0;
        for (String line : redis.sync().info("cpu").split("\r?\n")) {
            if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
                total += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return total;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --name value pairs");
        }
        return options;
    }
}
