package io.tradekit.benchmarks.seckill;

import io.tradekit.devservices.standalone.SharedServersProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.stock.redis.StockKeys;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Issue 17's goals in one run (a load driver, not JMH): the cost of a request that is turned away next to
 * the cheapest request the app serves, and a real two-instance seckill.
 * <ol>
 *   <li>starts the shared dev servers ({@code DevServersMain}: Redis, RocketMQ, ZooKeeper, H2 over TCP) and
 *       two sample app processes on them (instance A, then B: one Flyway migration, no race);</li>
 *   <li>setup over HTTP: the admin opens four collections (one only read, one of stock 1 bought out at once,
 *       one of a large stock, the seckill's of {@code --items}); buyers register, log in, pass real-name
 *       authentication, half through each instance;</li>
 *   <li>five phases on instance A, {@code --threads} closed-loop clients each, a warm-up pass then a measured
 *       pass: public cached {@code GET /collections/{id}}, logged-in {@code GET /user/me},
 *       {@code GET /idempotent/token?scene=buy}, token + {@code POST /trade/buy} of the SOLD-OUT collection,
 *       token + buy with stock; rps, p50/p99, app A's CPU per call (/proc), and each rate ÷ the public GET's;</li>
 *   <li>the seckill: {@code --attempts} token + buy attempts on the {@code --items} collection by
 *       {@code --buyers} buyers, alternately through A and B; exactly {@code --items} orders (database rows of
 *       the collection, read over JDBC from the shared H2, once the order consumers drained), Redis stock 0;
 *       refused attempts per second after the sell-out, and the CPU of both apps per such attempt.</li>
 *   <li>before the seckill, unless {@code --floor false}: the accepted buy's floor ({@link RawOrderFloor}), what
 *       Redis, the broker and the database cost per order on the same servers without the app.</li>
 * </ol>
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.tradekit.benchmarks.seckill.SoldOutLoadDriver \
 *     [--jar sample-nft-app/target/sample-nft-app-0.1.0-SNAPSHOT.jar] [--threads 32] [--seconds 15]
 *     [--warmup-seconds 5] [--buyers 2000] [--attempts 20000] [--items 100] [--seckill-threads 64]
 *     [--png benchmarks/soldout-ratios.png] [--floor true] [--seckill true] [--profile-seconds 0]
 * </pre>
 *
 * <p>{@code --profile-seconds N} runs only the accepted token + buy pairs (a warm-up, then three rounds of N
 * seconds) and prints every process's user and system CPU per pair, then all in (rounds 2–3 and the order
 * consumers' catch-up after them): a window long enough to attach a profiler ({@code jcmd <pid> JFR.start})
 * to the app or a server; the line {@code accepted phase starts} marks it.
 */
public final class SoldOutLoadDriver {

    private static final String PRICE = "9.90";
    private static final List<String> TOPICS = List.of("nft-order-create", "nft-order-cancel", RawOrderFloor.TOPIC);
    /** Buyers of the phases (user/me sessions, accepted buys), beside the seckill's. */
    private static final int PHASE_BUYERS = 300;

    private SoldOutLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path jar = Path.of(options.getOrDefault("jar", "sample-nft-app/target/sample-nft-app-0.1.0-SNAPSHOT.jar"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "32"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "15"));
        double warmupSeconds = Double.parseDouble(options.getOrDefault("warmup-seconds", "5"));
        int buyers = Integer.parseInt(options.getOrDefault("buyers", "2000"));
        int attempts = Integer.parseInt(options.getOrDefault("attempts", "20000"));
        int items = Integer.parseInt(options.getOrDefault("items", "100"));
        int seckillThreads = Integer.parseInt(options.getOrDefault("seckill-threads", "64"));
        boolean floor = Boolean.parseBoolean(options.getOrDefault("floor", "true"));
        boolean seckillToo = Boolean.parseBoolean(options.getOrDefault("seckill", "true"));
        double profileSeconds = Double.parseDouble(options.getOrDefault("profile-seconds", "0"));
        if (profileSeconds > 0) {
            buyers = 0;
        }
        int maxCalls = 200_000;
        Path png = Path.of(options.getOrDefault("png", "benchmarks/soldout-ratios.png"));

        long started = System.nanoTime();
        System.out.printf(Locale.ROOT, "%s, %d cores, load average %s%n", System.getProperty("java.vm.name") + " "
                + Runtime.version(), Runtime.getRuntime().availableProcessors(), ProcessCpu.loadAverage());
        Path target = Path.of("benchmarks/target");
        try (SharedServersProcess servers = SharedServersProcess.start(target.resolve("dev-servers.properties"),
                target.resolve("dev-servers.log"), TOPICS, Duration.ofMinutes(6))) {
            System.out.printf(Locale.ROOT, "shared dev servers pid %d up after %.0f s (Redis %s, DB %s)%n", servers.pid(),
                    (System.nanoTime() - started) / 1e9, servers.redisUri(), servers.jdbcUrl());
            // Password hashing costs only the setup: the minimum rounds the app accepts. The per-address login
            // limit (100 a minute, meant for one client) is lifted as the sample's @SampleAppTest does: every
            // buyer here logs in from 127.0.0.1. Per-account limits stay.
            List<String> appArgs = List.of(servers.importArgument(), "--sample.user.password-iterations=10000",
                    "--sample.throttle.login.per-address.limit=1000000", "--logging.level.root=WARN");
            try (SampleAppProcess a = SampleAppProcess.start(jar, target.resolve("soldout-app-a.log"), "1g", appArgs,
                    Duration.ofMinutes(4));
                 SampleAppProcess b = SampleAppProcess.start(jar, target.resolve("soldout-app-b.log"), "1g", appArgs,
                    Duration.ofMinutes(4))) {
                System.out.printf(Locale.ROOT, "sample app A pid %d port %d, B pid %d port %d, up after %.0f s%n",
                        a.pid(), a.httpPort(), b.pid(), b.httpPort(), (System.nanoTime() - started) / 1e9);
                if (profileSeconds > 0) {
                    profileAccepted(servers, a, b, threads, warmupSeconds, profileSeconds);
                } else {
                    run(servers, a, b, png, threads, seconds, warmupSeconds, buyers, attempts, items, seckillThreads,
                            maxCalls, floor, seckillToo);
                }
            }
        }
        System.out.printf(Locale.ROOT, "done in %.0f s; load average %s%n", (System.nanoTime() - started) / 1e9,
                ProcessCpu.loadAverage());
    }

    private static void run(SharedServersProcess servers, SampleAppProcess a, SampleAppProcess b, Path png, int threads,
                            double seconds, double warmupSeconds, int buyers, int attempts, int items,
                            int seckillThreads, int maxCalls, boolean floor, boolean seckillToo) throws Exception {
        SeckillClient clientA = new SeckillClient(a.httpPort());
        SeckillClient clientB = new SeckillClient(b.httpPort());
        String admin = clientA.loginAdmin();
        long readOnly = clientA.openCollection(admin, PRICE, 1_000);
        long soldOut = clientA.openCollection(admin, PRICE, 1);
        long plenty = clientA.openCollection(admin, PRICE, 1_000_000);
        long seckill = clientA.openCollection(admin, PRICE, items);

        long setup = System.nanoTime();
        List<String> sessions = registerBuyers(List.of(clientA, clientB), PHASE_BUYERS + buyers);
        List<String> phaseSessions = sessions.subList(0, PHASE_BUYERS);
        List<String> seckillSessions = sessions.subList(PHASE_BUYERS, sessions.size());
        System.out.printf(Locale.ROOT, "collections: read %d, sold out %d, stock %d, seckill %d (%d items); %d buyers"
                + " ready in %.0f s%n", readOnly, soldOut, plenty, seckill, items, sessions.size(),
                (System.nanoTime() - setup) / 1e9);
        String first = buy(clientA, phaseSessions.get(0), soldOut);
        if (!"200 ACCEPTED".equals(first)) {
            throw new IllegalStateException("the only item of the sold-out collection was not bought: " + first);
        }

        Map<String, Object> soldOutBody = body(soldOut);
        Map<String, Object> plentyBody = body(plenty);
        long[] pidA = {a.pid()};
        List<LoadPhase.Result> measured = new ArrayList<>();
        for (boolean warmup : new boolean[] {true, false}) {
            double time = warmup ? warmupSeconds : seconds;
            String tag = warmup ? " (warm-up)" : "";
            // Accepted buys rotate buyers (at most 40 orders each, as SeckillLoadDriver); a thread's own slice.
            int[] bought = new int[threads];
            int[] buyer = new int[threads];
            for (int t = 0; t < threads; t++) {
                buyer[t] = 1 + t;
            }
            int[] nextBuyer = {1 + threads};
            List<LoadPhase.Result> pass = new ArrayList<>();
            ServersCpu serversCpu = new ServersCpu(servers.serverPids(), b.pid());
            pass.add(LoadPhase.run("public GET /collections/{id}" + tag, pidA, threads, time, maxCalls,
                    (t, i) -> LoadPhase.outcome(clientA.get("/collections/" + readOnly, null))));
            serversCpu.mark();
            pass.add(LoadPhase.run("logged-in GET /user/me" + tag, pidA, threads, time, maxCalls,
                    (t, i) -> LoadPhase.outcome(clientA.get("/user/me", phaseSessions.get(1 + t)))));
            serversCpu.mark();
            pass.add(LoadPhase.run("GET /idempotent/token?scene=buy" + tag, pidA, threads, time, maxCalls,
                    (t, i) -> LoadPhase.outcome(clientA.get("/idempotent/token?scene=buy", phaseSessions.get(1 + t)))));
            serversCpu.mark();
            pass.add(LoadPhase.run("token + buy, SOLD OUT (pairs)" + tag, pidA, threads, time, maxCalls,
                    (t, i) -> pair(clientA, phaseSessions.get(1 + t), soldOutBody)));
            serversCpu.mark();
            pass.add(LoadPhase.run("token + buy with stock (pairs)" + tag, pidA, threads, time, maxCalls, (t, i) -> {
                if (bought[t] == SeckillLoadDriver.BUYS_PER_BUYER) {
                    synchronized (nextBuyer) {
                        buyer[t] = nextBuyer[0]++;
                    }
                    bought[t] = 0;
                }
                bought[t]++;
                return pair(clientA, phaseSessions.get(buyer[t] % PHASE_BUYERS), plentyBody);
            }));
            serversCpu.mark();
            for (LoadPhase.Result result : pass) {
                System.out.println(result.line());
            }
            System.out.println(serversCpu.line(pass));
            if (!warmup) {
                measured.addAll(pass);
            }
        }
        printPhases(measured);

        // The order consumers still write the accepted buys' orders: let them drain before the seckill.
        long acceptedWithStock = measured.get(4).outcomes().getOrDefault("200 ACCEPTED", 0L);
        awaitQuiet(servers, plenty);
        String floorFailure = floor ? runFloor(servers, measured.get(0).rps(), measured.get(4), threads, seconds,
                warmupSeconds) : null;
        if (!seckillToo) {
            if (floorFailure != null) {
                throw new IllegalStateException(floorFailure);
            }
            return;
        }

        TwoInstanceSeckill.Result result = TwoInstanceSeckill.run(List.of(clientA, clientB), new long[] {a.pid(), b.pid()},
                seckillSessions, body(seckill), items, attempts, seckillThreads);
        result.print(measured.get(0).rps());
        String failure = verify(servers, seckill, items, result);
        double base = measured.get(0).rps();
        RatioChart.write(png, List.of(
                new RatioChart.Bar("public GET /collections/{id}", 1.0, Double.NaN),
                new RatioChart.Bar("logged-in GET /user/me", measured.get(1).rps() / base, 0.70),
                new RatioChart.Bar("GET /idempotent/token", measured.get(2).rps() / base, Double.NaN),
                new RatioChart.Bar("token + buy, sold out", measured.get(3).rps() / base, 0.40),
                new RatioChart.Bar("token + buy, with stock", measured.get(4).rps() / base, 0.20),
                new RatioChart.Bar("seckill refusals/s after sell-out", result.refusedPerSecond() / base, Double.NaN)),
                String.format(Locale.ROOT, "public GET %.0f/s on instance A, %d clients; seckill: %d attempts, 2 instances;"
                        + " load average %s", base, threads, attempts, ProcessCpu.loadAverage()));
        System.out.println("chart: " + png.toAbsolutePath());
        System.out.printf(Locale.ROOT, "(accepted with stock in the measured phase: %d)%n", acceptedWithStock);
        if (failure != null || floorFailure != null) {
            throw new IllegalStateException(failure != null ? failure : floorFailure);
        }
    }

    /** {@code --profile-seconds}: the accepted pairs alone, long enough to profile, with each process's CPU. */
    private static void profileAccepted(SharedServersProcess servers, SampleAppProcess a, SampleAppProcess b,
                                        int threads, double warmupSeconds, double seconds) throws Exception {
        SeckillClient client = new SeckillClient(a.httpPort());
        String admin = client.loginAdmin();
        long plenty = client.openCollection(admin, PRICE, 1_000_000);
        List<String> sessions = registerBuyers(List.of(client, new SeckillClient(b.httpPort())), PHASE_BUYERS);
        Map<String, Object> plentyBody = body(plenty);
        int[] bought = new int[threads];
        int[] buyer = new int[threads];
        int[] nextBuyer = {threads};
        LoadPhase.Call pair = (t, i) -> {
            if (bought[t] == 0 || bought[t] == SeckillLoadDriver.BUYS_PER_BUYER) {
                synchronized (nextBuyer) {
                    buyer[t] = nextBuyer[0]++;
                }
                bought[t] = 0;
            }
            bought[t]++;
            return pair(client, sessions.get(buyer[t] % PHASE_BUYERS), plentyBody);
        };
        long[] pidA = {a.pid()};
        System.out.println(LoadPhase.run("accepted pairs (warm-up)", pidA, threads, warmupSeconds, 200_000, pair).line());
        List<Long> pids = new ArrayList<>(servers.serverPids());
        pids.add(0, a.pid());
        pids.add(b.pid());
        System.out.println("accepted phase starts; pids (app A, servers, app B): " + pids);
        List<double[]> fromRound2 = null;
        long callsFromRound2 = 0;
        for (int round = 1; round <= 3; round++) {
            List<double[]> before = pids.stream().map(ProcessCpu::userAndSystemMillis).toList();
            if (round == 2) {
                fromRound2 = before;
            }
            LoadPhase.Result result = LoadPhase.run("accepted pairs, round " + round, pidA, threads, seconds, 1_000_000,
                    pair);
            System.out.println(result.line());
            printCpu(pids, before, result.calls());
            callsFromRound2 += round >= 2 ? result.calls() : 0;
        }
        // The consumers may lag behind the buys; the orders' writes left after the rounds belong to them too.
        long drainStart = System.nanoTime();
        awaitQuiet(servers, plenty);
        System.out.printf(Locale.ROOT, "all in (rounds 2-3 and the consumers' drain of %.0f s after them), per pair:%n",
                (System.nanoTime() - drainStart) / 1e9);
        printCpu(pids, fromRound2, callsFromRound2);
    }

    private static void printCpu(List<Long> pids, List<double[]> before, long calls) {
        double total = 0;
        for (int p = 0; p < pids.size(); p++) {
            double[] after = ProcessCpu.userAndSystemMillis(pids.get(p));
            double user = (after[0] - before.get(p)[0]) / calls;
            double system = (after[1] - before.get(p)[1]) / calls;
            total += user + system;
            System.out.printf(Locale.ROOT, "  pid %d: user %.2f ms, system %.2f ms per pair%n", pids.get(p), user, system);
        }
        System.out.printf(Locale.ROOT, "  all processes: %.2f ms per pair%n", total);
    }

    /**
     * The accepted buy's floor ({@link RawOrderFloor}) on the same servers, the apps idle: what the components
     * the architecture requires per order cost without any of the app. Its last step's rate bounds what an
     * accepted token + buy pair could reach on this machine; compared here with the public GET and the goal.
     */
    private static String runFloor(SharedServersProcess servers, double publicRps, LoadPhase.Result accepted,
                                   int threads, double seconds, double warmupSeconds) throws Exception {
        RawOrderFloor floor = new RawOrderFloor(servers);
        try {
            List<RawOrderFloor.Result> steps = floor.run(threads, seconds, warmupSeconds);
            System.out.println();
            System.out.println("| floor step (" + threads + " threads, no HTTP, no Spring) | orders/s | p50 ms | p99 ms "
                    + "| this JVM CPU ms/order | servers CPU ms/order | total CPU ms/order | rate ÷ public GET |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
            for (RawOrderFloor.Result step : steps) {
                System.out.printf(Locale.ROOT, "| %s | %.0f | %.1f | %.1f | %.2f | %.2f | %.2f | **%.2f×** |%n",
                        step.phase().name(), step.phase().rps(), step.phase().p50(), step.phase().p99(),
                        step.ownCpuPerOrder(), step.serversCpuPerOrder(), step.totalCpuPerOrder(),
                        step.phase().rps() / publicRps);
            }
            RawOrderFloor.Result rows = steps.get(steps.size() - 1);
            System.out.printf(Locale.ROOT, "%naccepted token + buy pair: %.0f/s = %.2f× the public GET (goal 0.20× = %.0f/s);"
                    + " the floor without the app: %.0f orders/s = %.2f×; 2 cores ÷ the floor's total CPU per order"
                    + " = %.0f orders/s at most = %.2f×%n%n", accepted.rps(), accepted.rps() / publicRps, 0.20 * publicRps,
                    rows.phase().rps(), rows.phase().rps() / publicRps,
                    2000 / rows.totalCpuPerOrder(), 2000 / rows.totalCpuPerOrder() / publicRps);
            return floor.check();
        } finally {
            floor.close();
        }
    }

    private static Map<String, Object> body(long collection) {
        return Map.of("collectionId", collection, "quantity", 1, "price", new BigDecimal(PRICE));
    }

    private static String buy(SeckillClient client, String session, long collection) {
        return pair(client, session, body(collection));
    }

    /** One attempt as a buyer's page makes it: an anti-duplicate token, then the buy spending it. */
    static String pair(SeckillClient client, String session, Map<String, Object> body) {
        SeckillClient.Answer token = client.get("/idempotent/token?scene=buy", session);
        if (!token.ok()) {
            return "token " + LoadPhase.outcome(token);
        }
        return LoadPhase.outcome(client.post("/trade/buy", session, token.data().asText(), body));
    }

    private static void printPhases(List<LoadPhase.Result> phases) {
        double baseline = phases.get(0).rps();
        System.out.println();
        System.out.println("| request (instance A, " + phases.get(0).threads() + " clients) | calls | rps | p50 ms | p99 ms "
                + "| app CPU ms per call | rps ÷ public GET | answers |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        for (LoadPhase.Result r : phases) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.1f | %.1f | %.2f | **%.2f×** | %s |%n", r.name(), r.calls(),
                    r.rps(), r.p50(), r.p99(), r.cpuPerCallMs(), r.rps() / baseline, r.outcomesText());
        }
        System.out.println();
    }

    /** Waits until the collection's order rows stop growing (the consumers drained), 3 minutes at most. */
    private static void awaitQuiet(SharedServersProcess servers, long collection) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long last = -1;
        long begin = System.nanoTime();
        while (System.nanoTime() < deadline) {
            // Written by a consumer: a buy records its accepted order as CREATING at once, the consumer moves it on.
            long now = writtenOrders(servers, collection);
            if (now == last) {
                System.out.printf(Locale.ROOT, "order consumers drained: %d orders of the stock collection (%.0f s)%n",
                        now, (System.nanoTime() - begin) / 1e9);
                return;
            }
            last = now;
            Thread.sleep(3000);
        }
    }

    static long orders(SharedServersProcess servers, long collection) throws Exception {
        return count(servers, "SELECT COUNT(*) FROM nft_order WHERE collection_id = ?", collection);
    }

    private static long writtenOrders(SharedServersProcess servers, long collection) throws Exception {
        return count(servers, "SELECT COUNT(*) FROM nft_order WHERE collection_id = ? AND state <> 'CREATING'", collection);
    }

    private static long count(SharedServersProcess servers, String sql, long collection) throws Exception {
        try (Connection db = DriverManager.getConnection(servers.jdbcUrl(), "sa", "");
             PreparedStatement count = db.prepareStatement(sql)) {
            count.setLong(1, collection);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Exactly {@code items} orders: as many ACCEPTED answers (PENDING ones count when their check-back
     * committed), as many order rows once the consumers drained, one buyer per order at most the items,
     * Redis stock 0.
     */
    private static String verify(SharedServersProcess servers, long seckill, int items, TwoInstanceSeckill.Result result)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long orders = orders(servers, seckill);
        while (orders < result.accepted() && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            orders = orders(servers, seckill);
        }
        Thread.sleep(3000);
        orders = orders(servers, seckill);
        RedisClient redisClient = RedisClient.create(servers.redisUri());
        String redisStock;
        try (StatefulRedisConnection<String, String> redis = redisClient.connect()) {
            redisStock = redis.sync().get(new StockKeys("tradekit:stock:").stock("nft:" + seckill));
        } finally {
            redisClient.shutdown();
        }
        System.out.printf(Locale.ROOT, "check: %d items, %d ACCEPTED, %d PENDING, %d order rows in the shared database,"
                + " Redis stock %s%n", items, result.accepted(), result.pending(), orders, redisStock);
        if (orders != items) {
            return "expected exactly " + items + " orders, found " + orders;
        }
        if (result.accepted() > items || result.accepted() + result.pending() < items) {
            return "answers do not match the orders: ACCEPTED " + result.accepted() + ", PENDING " + result.pending();
        }
        if (!"0".equals(redisStock)) {
            return "Redis stock " + redisStock + " after the sell-out, expected 0";
        }
        System.out.println("check passed: exactly " + items + " orders, Redis stock 0 (no oversell, none lost)");
        return null;
    }

    /** Registers, logs in and authenticates buyers, alternately through each instance. */
    private static List<String> registerBuyers(List<SeckillClient> clients, int count) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            long firstPhone = 13_900_000_000L + (System.currentTimeMillis() % 1_000_000) * 100;
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String phone = Long.toString(firstPhone + i);
                String idCard = idCard(i);
                SeckillClient client = clients.get(i % clients.size());
                futures.add(workers.submit(() -> client.newBuyer(phone, idCard)));
            }
            List<String> sessions = new ArrayList<>();
            for (Future<String> future : futures) {
                sessions.add(future.get(5, TimeUnit.MINUTES));
            }
            return sessions;
        } finally {
            workers.shutdownNow();
        }
    }

    /** A valid GB 11643 number, distinct for up to 1,000,000 buyers (birth date and sequence vary). */
    static String idCard(int sequence) {
        int day = 1 + (sequence / 1000) % 28;
        int month = 1 + (sequence / 28_000) % 12;
        String first17 = "110101" + "1990" + String.format(Locale.ROOT, "%02d%02d%03d", month, day, sequence % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    private static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("expected --name value pairs");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    /**
     * The shared servers' CPU (the launcher with H2 and ZooKeeper, the name server and broker JVMs,
     * redis-server) and the other app instance's (its consumers write half the orders) per call of each
     * phase, beside the measured app's: on 2 cores the servers take what the app does not, so an app-only
     * number hides where a buy's cost went. Each process is also shown alone, to see which server pays.
     */
    private static final class ServersCpu {

        /** Launcher, name server, brokers, redis-server(s), then the other app instance. */
        private final List<Long> pids;
        private final List<String> names;
        private final List<double[]> millis = new ArrayList<>();
        private double[] last;

        ServersCpu(List<Long> serverPids, long otherApp) {
            List<Long> all = new ArrayList<>(serverPids);
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < serverPids.size(); i++) {
                labels.add(i == 0 ? "launcher (H2, ZooKeeper)" : i == 1 ? "name server"
                        : i < serverPids.size() - 1 ? "broker " + (i - 1) : "redis");
            }
            all.add(otherApp);
            labels.add("app B");
            this.pids = List.copyOf(all);
            this.names = List.copyOf(labels);
            this.last = sample();
        }

        private double[] sample() {
            return pids.stream().mapToDouble(ProcessCpu::millis).toArray();
        }

        /** Ends the phase that just ran (the phases run back to back). */
        void mark() {
            double[] now = sample();
            double[] spent = new double[now.length];
            for (int i = 0; i < now.length; i++) {
                spent[i] = now[i] - last[i];
            }
            millis.add(spent);
            last = now;
        }

        String line(List<LoadPhase.Result> phases) {
            StringBuilder line = new StringBuilder("shared servers CPU ms/call:");
            for (int i = 0; i < phases.size(); i++) {
                double[] spent = millis.get(i);
                double servers = 0;
                for (int p = 0; p < spent.length - 1; p++) {
                    servers += spent[p];
                }
                line.append(String.format(Locale.ROOT, " %s %.2f;", phases.get(i).name(),
                        servers / Math.max(1, phases.get(i).calls())));
            }
            for (int i = 0; i < phases.size(); i++) {
                line.append(System.lineSeparator()).append("  ").append(phases.get(i).name()).append(" per call:");
                for (int p = 0; p < pids.size(); p++) {
                    line.append(String.format(Locale.ROOT, " %s %.2f;", names.get(p),
                            millis.get(i)[p] / Math.max(1, phases.get(i).calls())));
                }
            }
            return line.toString();
        }
    }
}
