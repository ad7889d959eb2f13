package io.tradekit.sample.nft.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.devservices.standalone.BootAppProcess;
import io.tradekit.devservices.standalone.SharedServersProcess;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.stock.redis.StockKeys;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fault case 3 of issue 19: {@code kill -9} of Redis in the middle of a seckill, and its restart from the
 * append-only file ({@code appendfsync everysec}) on the same port. One app process (role {@code all}) on
 * the shared servers; buyers keep buying through the kill, the outage and the restart, until the sale is
 * sold out. What the lost second does is measured (DB deductions whose Redis record the restart lost: each
 * a unit Redis would sell again), and the invariants after recovery are checked: no unit sold twice (no
 * conflict in the repair audit, live orders within the stock), one order per token, orders == Redis
 * deductions not given back, Redis stock + sold == initial, and the DB stock agrees.
 *
 * <p>Measurements go to {@code target/crash/redis-aof/measurements.txt} and the test's output.
 */
@Tag("crash")
class RedisAofCrashTest {

    private static final BigDecimal PRICE = new BigDecimal("1.00");
    private static final int ITEMS = 300;
    private static final int BUYERS = 16;
    private static final int THREADS = 8;
    /** The guard's wait after a restart before repairing: the consumers' lag in this one-process run is far below. */
    private static final Duration SETTLE = Duration.ofSeconds(8);
    private static final Duration START = Duration.ofMinutes(4);
    private static final Path DIR = Path.of("target", "crash", "redis-aof");

    @Test
    void aRedisRestartFromItsAppendOnlyFileSellsNoUnitTwice() throws Exception {
        Path jar = BootAppProcess.locateJar(Path.of("target"), "sample-nft-app");
        try (SharedServersProcess servers = SharedServersProcess.start(DIR.resolve("servers.properties"),
                DIR.resolve("servers.log"), List.of("nft-order-create", "nft-order-cancel"), START,
                List.of("--redis-aof", "true"));
             BootAppProcess app = BootAppProcess.start("all", jar, DIR.resolve("app.log"), "640m", List.of(
                     servers.importArgument(), "--sample.user.password-iterations=10000",
                     "--sample.throttle.login.per-address.limit=1000000", "--logging.level.root=WARN",
                     "--sample.inventory.restart-guard.settle=" + SETTLE,
                     "--sample.inventory.restart-guard.repair-interval=PT1S"), START)) {
            run(servers, app);
        }
    }

    private void run(SharedServersProcess servers, BootAppProcess app) throws Exception {
        TradingClient client = new TradingClient(app.httpPort());
        long collectionId = client.openCollection(client.admin(), PRICE, ITEMS, false, Instant.now().minusSeconds(60));
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            buyers.add(client.newBuyer());
        }
        Seckill seckill = new Seckill(client, buyers, collectionId);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Map<String, Object> measured = new LinkedHashMap<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                running.add(pool.submit(() -> seckill.buyUntilSoldOut(thread)));
            }
            measured.put("items", ITEMS);
            // 1. kill -9 alone: what reached the AOF file (the OS page cache) before the kill survives it.
            await("a quarter of the items sold", Duration.ofMinutes(1), () -> seckill.accepted.get() >= ITEMS / 4);
            measured.putAll(crashCycle(1, servers, app, seckill, collectionId, null));
            // 2. kill -9 and the last second of the file lost, as when the host itself dies before the
            //    once-a-second fsync: the file cut back to its size of one second before the kill.
            AofSampler sampler = AofSampler.start(servers);
            await("half of the items sold, the AOF sampled for over a second", Duration.ofMinutes(1),
                    () -> seckill.accepted.get() >= ITEMS / 2 && sampler.sampledFor().toMillis() > 1_500);
            measured.putAll(crashCycle(2, servers, app, seckill, collectionId, sampler));
            seckill.phase.set("after");
            for (Future<?> f : running) {
                f.get(3, TimeUnit.MINUTES);
            }
            awaitSettled(servers, collectionId);

            measured.put("repairs in the audit log", auditLines(app, "mode=REPAIR"));
            measured.put("MISSING_DEDUCTION repairs applied", auditLines(app, "kind=MISSING_DEDUCTION outcome=APPLIED"));
            measured.put("STOCK_VALUE repairs applied", auditLines(app, "kind=STOCK_VALUE outcome=APPLIED"));
            measured.put("conflicts (a unit sold twice)", auditLines(app, "outcome=CONFLICT"));
            measured.put("answers by phase", seckill.answers);
            measured.put("ACCEPTED buys without an order at the end", acceptedWithoutOrder(servers, seckill));
            report(measured);

            assertInvariants(servers, collectionId);
            assertThat(auditLines(app, "outcome=CONFLICT")).as("no unit sold twice: no repair found one").isZero();
            String log = Files.readString(app.log(), StandardCharsets.UTF_8);
            assertThat(log).as("what an operator sees").contains("Redis restarted (run id changed)")
                    .contains("Redis stock repaired after its restart");
            assertThat(seckill.answers.entrySet().stream().filter(e -> e.getKey().startsWith("fenced"))
                    .flatMap(e -> e.getValue().keySet().stream()).toList())
                    .as("buys while fenced: refused with 503 (or cut by the outage), never another answer")
                    .allMatch(answer -> answer.startsWith("503") || answer.startsWith("500") || answer.equals("error")
                            || answer.startsWith("OK"));
        } finally {
            seckill.stop = true;
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /**
     * One kill -9 and restart mid-seckill; with a {@code sampler}, the AOF is cut back to its size of one
     * second before the kill first. Returns to the caller once a buy is accepted again (the fence lifted).
     */
    private static Map<String, Object> crashCycle(int cycle, SharedServersProcess servers, BootAppProcess app,
                                                  Seckill seckill, long collectionId, AofSampler sampler)
            throws Exception {
        Map<String, Object> measured = new LinkedHashMap<>();
        String name = "crash " + cycle + (sampler == null ? " (kill -9)" : " (kill -9, last second of the AOF lost)");
        long repairsBefore = auditLines(app, "mode=REPAIR");
        measured.put(name + ": accepted buys before it", seckill.accepted.get());
        seckill.firstAcceptedAfterRestart.set(0);
        seckill.phase.set("outage-" + cycle);
        long killedAt = System.nanoTime();
        servers.killRedis();
        if (sampler != null) {
            measured.put(name + ": AOF bytes cut", sampler.cutToOneSecondBefore(killedAt));
        }
        servers.restartRedis(Duration.ofSeconds(30));
        long restartedAt = System.nanoTime();
        seckill.phase.set("fenced-" + cycle);
        // Before the repair (the guard waits SETTLE): what the restart lost, the max over the wait, as the
        // consumer may still write orders whose Redis deduction was lost.
        int lostRecords = 0;
        while (seckill.firstAcceptedAfterRestart.get() == 0
                && System.nanoTime() - restartedAt < Duration.ofSeconds(90).toNanos()) {
            if (auditLines(app, "mode=REPAIR") == repairsBefore) {
                lostRecords = Math.max(lostRecords, dbDeductionsWithoutRedisRecord(servers, collectionId));
            }
            Thread.sleep(300);
        }
        assertThat(seckill.firstAcceptedAfterRestart.get()).as("%s: a buy accepted after the restart (fence lifted)", name)
                .isPositive();
        measured.put(name + ": kill to restarted (AOF loaded) ms", TimeUnit.NANOSECONDS.toMillis(restartedAt - killedAt));
        measured.put(name + ": restart to first buy accepted again (fence lifted) ms",
                TimeUnit.NANOSECONDS.toMillis(seckill.firstAcceptedAfterRestart.get() - restartedAt));
        measured.put(name + ": DB deductions without their Redis record before the repair (units Redis would sell"
                + " again)", lostRecords);
        measured.put(name + ": repairs", auditLines(app, "mode=REPAIR") - repairsBefore);
        seckill.phase.set("after-" + cycle);
        return measured;
    }

    /** The invariants of the issue after recovery, from the shared database and Redis. */
    private static void assertInvariants(SharedServersProcess servers, long collectionId) throws Exception {
        List<String> orders = strings(servers, "SELECT identifier FROM nft_order WHERE collection_id = ?"
                + " AND state <> 'CANCELLED'", collectionId);
        assertThat(orders).as("one order per token").doesNotHaveDuplicates();
        List<String> dbHeld = strings(servers, "SELECT identifier FROM nft_inventory_flow f WHERE collection_id = ?"
                + " AND change_type = 'DEDUCT' AND NOT EXISTS (SELECT 1 FROM nft_inventory_flow r"
                + " WHERE r.order_id = f.order_id AND r.change_type = 'RESTORE')", collectionId);
        assertThat(dbHeld).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(orders);
        long sold = Long.parseLong(strings(servers, "SELECT CAST(COALESCE(SUM(quantity), 0) AS VARCHAR(20))"
                + " FROM nft_order WHERE collection_id = ? AND state <> 'CANCELLED'", collectionId).get(0));
        assertThat(sold).as("no unit sold twice: no more sold than the sale had").isLessThanOrEqualTo(ITEMS);
        long dbStock = Long.parseLong(strings(servers, "SELECT CAST(stock AS VARCHAR(20)) FROM nft_inventory"
                + " WHERE collection_id = ?", collectionId).get(0));

        RedisState redis = RedisState.read(servers, collectionId);
        assertThat(redis.held).as("orders == Redis deductions not given back").isEqualTo(new HashSet<>(orders));
        assertThat(redis.stock + sold).as("Redis stock + sold == initial").isEqualTo(ITEMS);
        assertThat(dbStock).as("DB stock").isEqualTo(redis.stock);
    }

    /** Until every order is written and Redis agrees with the DB (no deduction in flight), 2 minutes at most. */
    private static void awaitSettled(SharedServersProcess servers, long collectionId) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Set<String> orders = new HashSet<>(strings(servers, "SELECT identifier FROM nft_order WHERE collection_id = ?"
                    + " AND state = 'CREATED'", collectionId));
            List<String> pending = strings(servers, "SELECT identifier FROM nft_order WHERE collection_id = ?"
                    + " AND state NOT IN ('CREATED', 'CANCELLED', 'FAILED')", collectionId);
            if (pending.isEmpty() && RedisState.read(servers, collectionId).held.equals(orders)) {
                return;
            }
            Thread.sleep(500);
        }
    }

    private static int dbDeductionsWithoutRedisRecord(SharedServersProcess servers, long collectionId) throws Exception {
        Set<String> missing = new HashSet<>(strings(servers, "SELECT identifier FROM nft_inventory_flow WHERE"
                + " collection_id = ? AND change_type = 'DEDUCT'", collectionId));
        missing.removeAll(RedisState.read(servers, collectionId).deducted);
        return missing.size();
    }

    private static int acceptedWithoutOrder(SharedServersProcess servers, Seckill seckill) throws Exception {
        Set<String> orders = new HashSet<>(strings(servers, "SELECT CAST(id AS VARCHAR(20)) FROM nft_order WHERE"
                + " collection_id = ? AND state <> 'FAILED'", seckill.collectionId));
        return (int) seckill.acceptedOrders.stream().filter(id -> !orders.contains(id)).count();
    }

    private static long auditLines(BootAppProcess app, String marker) throws IOException {
        try (var lines = Files.lines(app.log(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains("stock repair mode=") && line.contains(marker)).count();
        }
    }

    private static void report(Map<String, Object> measured) throws IOException {
        StringBuilder text = new StringBuilder("Redis kill -9 and restart from AOF (appendfsync everysec), mid-seckill\n");
        measured.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("measurements.txt"), text.toString(), StandardCharsets.UTF_8);
        System.out.println(text);
    }

    private static List<String> strings(SharedServersProcess servers, String sql, long collectionId) throws Exception {
        try (Connection db = DriverManager.getConnection(servers.jdbcUrl(), "sa", "");
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, collectionId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static void await(String what, Duration bound, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within the bound of this wait (" + bound + ")");
            }
            Thread.sleep(100);
        }
    }

    /**
     * The size of Redis' incremental AOF file, sampled every 100 ms, so that a crash can cut the file back to
     * its size of one second before: what {@code appendfsync everysec} loses at worst when the host dies
     * (a {@code kill -9} of the process alone loses nothing: the kernel keeps what was written).
     */
    private static final class AofSampler {
        private final Path file;
        private final java.util.concurrent.ConcurrentSkipListMap<Long, Long> sizes = new java.util.concurrent.ConcurrentSkipListMap<>();
        private volatile boolean running = true;

        private AofSampler(Path file) {
            this.file = file;
        }

        static AofSampler start(SharedServersProcess servers) throws IOException {
            AofSampler sampler = new AofSampler(incrementalAof(servers));
            Thread thread = new Thread(() -> {
                while (sampler.running) {
                    try {
                        sampler.sizes.put(System.nanoTime(), Files.size(sampler.file));
                        Thread.sleep(100);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "aof-sampler");
            thread.setDaemon(true);
            thread.start();
            return sampler;
        }

        Duration sampledFor() {
            return sizes.isEmpty() ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - sizes.firstKey());
        }

        /** Cuts the file (the server is dead) to its size one second before {@code killedAt}; the bytes cut. */
        long cutToOneSecondBefore(long killedAt) throws IOException {
            running = false;
            Map.Entry<Long, Long> then = sizes.floorEntry(killedAt - TimeUnit.SECONDS.toNanos(1));
            assertThat(then).as("an AOF size sampled a second before the kill").isNotNull();
            long now = Files.size(file);
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.truncate(then.getValue());
            }
            return now - then.getValue();
        }

        /**
         * The file new writes go to: the newest {@code *.incr.aof} of the append-only directory (Redis 7
         * multi-part AOF), or the one {@code appendonly.aof} of Redis 6 (the embedded binary).
         */
        private static Path incrementalAof(SharedServersProcess servers) throws IOException {
            RedisClient client = RedisClient.create(servers.redisUri());
            try (StatefulRedisConnection<String, String> redis = client.connect()) {
                Path dir = Path.of(redis.sync().configGet("dir").get("dir"));
                String appendDir = redis.sync().configGet("appenddirname").get("appenddirname");
                Path multiPart = dir.resolve(appendDir == null ? "appendonlydir" : appendDir);
                if (!Files.isDirectory(multiPart)) {
                    String name = redis.sync().configGet("appendfilename").get("appendfilename");
                    return dir.resolve(name == null ? "appendonly.aof" : name);
                }
                try (var files = Files.list(multiPart)) {
                    return files.filter(f -> f.getFileName().toString().endsWith(".incr.aof"))
                            .max(java.util.Comparator.comparing(f -> f.toFile().lastModified()))
                            .orElseThrow(() -> new AssertionError("no incremental AOF in " + multiPart));
                }
            } finally {
                client.shutdown();
            }
        }
    }

    /** The sale's Redis stock and records, read directly (the stock starter's key layout). */
    private record RedisState(long stock, Set<String> deducted, Set<String> held) {

        static RedisState read(SharedServersProcess servers, long collectionId) {
            StockKeys keys = new StockKeys("tradekit:stock:");
            String item = "nft:" + collectionId;
            RedisClient client = RedisClient.create(servers.redisUri());
            try (StatefulRedisConnection<String, String> redis = client.connect()) {
                String stock = redis.sync().get(keys.stock(item));
                Set<String> deducted = new HashSet<>();
                Set<String> givenBack = new HashSet<>();
                for (String field : redis.sync().hkeys(keys.records(item))) {
                    if (field.startsWith("#D|")) {
                        deducted.add(field.substring(3));
                    } else if (field.startsWith("#I|")) {
                        givenBack.add(field.substring(3));
                    }
                }
                Set<String> held = new HashSet<>(deducted);
                held.removeAll(givenBack);
                return new RedisState(stock == null ? -1 : Long.parseLong(stock), deducted, held);
            } finally {
                client.shutdown();
            }
        }
    }

    /** Buyers buying one unit at a time, each with a fresh token, until the sale answers sold out. */
    private static final class Seckill {
        final TradingClient client;
        final List<String> buyers;
        final long collectionId;
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicReference<String> phase = new AtomicReference<>("before");
        final java.util.concurrent.atomic.AtomicLong firstAcceptedAfterRestart = new java.util.concurrent.atomic.AtomicLong();
        final Map<String, Map<String, Integer>> answers = new ConcurrentHashMap<>();
        final Set<String> acceptedOrders = ConcurrentHashMap.newKeySet();
        volatile boolean stop;

        Seckill(TradingClient client, List<String> buyers, long collectionId) {
            this.client = client;
            this.buyers = buyers;
            this.collectionId = collectionId;
        }

        void buyUntilSoldOut(int thread) {
            int soldOutInARow = 0;
            for (int i = thread; !stop && soldOutInARow < 3; i += THREADS) {
                String buyer = buyers.get(i % buyers.size());
                String answer;
                String phaseNow = phase.get();
                try {
                    TradingClient.Answer bought = client.buy(buyer, client.token(buyer, "buy"), collectionId, 1, PRICE);
                    answer = bought.ok() ? "OK " + bought.data().path("status").asText()
                            : bought.status() + " " + bought.code();
                    if (bought.ok()) {
                        accepted.incrementAndGet();
                        if ("ACCEPTED".equals(bought.data().path("status").asText())) {
                            acceptedOrders.add(bought.data().path("orderId").asText());
                        }
                        if (phaseNow.startsWith("fenced")) {
                            firstAcceptedAfterRestart.compareAndSet(0, System.nanoTime());
                        }
                    }
                } catch (AssertionError | RuntimeException e) {
                    // The token fetch failed (Redis down): no buy was sent.
                    answer = "error";
                }
                answers.computeIfAbsent(phaseNow, p -> new ConcurrentHashMap<>()).merge(answer, 1, Integer::sum);
                // Sold out only counts once Redis is back and repaired: before, a refusal may be the outage's.
                soldOutInARow = answer.equals("422 SOLD_OUT") && phase.get().equals("after") ? soldOutInARow + 1 : 0;
                if (answer.equals("error") || answer.startsWith("5")) {
                    pause(100);
                }
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
