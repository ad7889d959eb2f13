package io.tradekit.sample.nft.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.core.redis.RedisScript;
import io.tradekit.devservices.fault.FaultProxy;
import io.tradekit.devservices.standalone.BootAppProcess;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.standalone.H2TcpServer;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.sample.nft.shared.metrics.PrometheusScrape;
import io.tradekit.stock.redis.StockKeys;
import io.tradekit.stock.redis.StockScripts;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fault case 4 of issue 19 for a buy: one {@code all} process of the Boot jar, every Redis connection of it
 * (sessions, tokens, cache, lock, stock) through a {@link FaultProxy}. The proxy stalls the connection that carries a stock deduction ({@code EVALSHA} of the deduct script) from that request on, so
 * the buy passes its login, token and stock checks and its local transaction meets a Redis that does not answer
 * within the stock client's command timeout: the buy answers {@code PENDING} (local transaction UNKNOWN).
 * Then either the heal delivers the held deduction late (latency above the timeout: the check-back finds the
 * record and answers COMMIT, the order is written) or a cut loses it (the check-back finds none and answers
 * ROLLBACK, no order). Afterwards the stocks and records agree. Runs after {@code package} (surefire execution
 * {@code multi-process}).
 */
@Tag("crash")
class RedisNetworkFaultBuyTest {

    private static final BigDecimal PRICE = new BigDecimal("1.00");
    private static final int ITEMS = 20;
    private static final int LATE_ROUNDS = 3;
    private static final int LOST_ROUNDS = 3;
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String DEDUCT_SHA = RedisScript.sha1Hex(StockScripts.DEDUCT);

    private static final List<AutoCloseable> STARTED = new ArrayList<>();
    private static RedisDevService redis;
    private static H2TcpServer database;
    private static String jdbcUrl;
    private static FaultProxy proxy;
    private static TradingClient app;
    private static BootAppProcess process;

    /**
     * A Redis and an H2 TCP server of this test (the test reads both directly), the proxy, and one {@code all}
     * process of the Boot jar that starts its own RocketMQ and ZooKeeper in-process: the fewest JVMs that show a
     * buy's check-back, for the time budget of the crash suite.
     */
    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of("target", "crash-netfault");
        try {
            redis = RedisDevService.start(RedisSettings.DEFAULTS);
            STARTED.add(redis);
            database = H2TcpServer.start();
            STARTED.add(database);
            jdbcUrl = database.jdbcUrl("netfault", "MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
            proxy = FaultProxy.start("127.0.0.1", redis.port());
            STARTED.add(proxy);
            String viaProxy = "redis://127.0.0.1:" + proxy.port();
            Path jar = BootAppProcess.locateJar(Path.of("target"), "sample-nft-app");
            process = BootAppProcess.start("all", jar, dir.resolve("all.log"), "512m", List.of(
                    // Every Redis client of the app (sessions, tokens, cache, lock, stock) goes through the proxy.
                    "--tradekit.dev-services.redis.enabled=false", "--spring.data.redis.url=" + viaProxy,
                    "--spring.datasource.url=" + jdbcUrl,
                    // The in-process dev broker checks back 1 s after the half message, then every second, and
                    // discards it after 15 checks (transactionCheckMax): inside the default 20 s undecided window
                    // a lost deduction's "no record" is answered UNKNOWN every time and never becomes ROLLBACK.
                    // 5 s still covers this test's local transactions (2 s stock timeout).
                    "--tradekit.txmsg.check.undecided-window=5s",
                    "--sample.user.password-iterations=10000", "--sample.throttle.login.per-address.limit=1000000",
                    "--dubbo.protocol.port=" + BootAppProcess.freePort(),
                    "--logging.level.root=WARN"), Duration.ofMinutes(5));
            STARTED.add(process);
            app = new TradingClient(process.httpPort());
        } catch (Exception | Error e) {
            stop();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.heal(); // the app closes its clients cleanly
        }
        for (int i = STARTED.size() - 1; i >= 0; i--) {
            try {
                STARTED.get(i).close();
            } catch (Exception e) {
                System.err.println("could not stop " + STARTED.get(i) + ": " + e);
            }
        }
        STARTED.clear();
    }

    @Test
    void buysLeftUnknownByASilentRedisAreSettledByTheCheckBackAndTheStocksAgree() throws Exception {
        String admin = app.admin();
        long collectionId = app.openCollection(admin, PRICE, ITEMS, false, Instant.now().minusSeconds(60));
        // One buy without a fault: the deduct script is loaded, and the proxy is the app's way to Redis.
        String first = app.newBuyer();
        assertThat(app.buy(first, app.token(first, "buy"), collectionId, 1, PRICE).data().path("status").asText())
                .isEqualTo("ACCEPTED");
        assertThat(proxy.acceptedConnections()).as("the app reaches Redis through the proxy").isPositive();

        List<String> late = new ArrayList<>();
        for (int i = 0; i < LATE_ROUNDS; i++) {
            late.add(pendingBuy(collectionId));
            proxy.heal(); // the held deduction reaches Redis after the client gave up on it
        }
        List<String> lost = new ArrayList<>();
        Map<String, Integer> recoveryAnswers = new TreeMap<>();
        long recoveredMs = 0;
        for (int i = 0; i < LOST_ROUNDS; i++) {
            String next = app.newBuyer();
            lost.add(pendingBuy(collectionId));
            proxy.cut(); // the held deduction never reaches Redis; every connection of the app is reset
            proxy.heal();
            recoveredMs = Math.max(recoveredMs, millisUntilABuyIsAccepted(next, collectionId, recoveryAnswers));
        }
        assertThat(proxy.stalledConnections()).isEqualTo(LATE_ROUNDS + LOST_ROUNDS);

        // Settled by the check-back: late deductions committed (orders written), lost ones rolled back.
        long lastHeal = System.nanoTime();
        poll(SETTLE, () -> live(collectionId).containsAll(late), "the late deductions' orders are written");
        poll(SETTLE, () -> checkBacks("ROLLBACK") >= LOST_ROUNDS, "the lost deductions' check-backs answer ROLLBACK");
        // Any buy still settling (e.g. one the recovery left PENDING) settles too: then orders and deductions agree.
        poll(SETTLE, () -> live(collectionId).equals(redisDeductionsNotGivenBack(collectionId)),
                "the live orders and the Redis deductions not given back agree");
        long settledMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeal);
        Set<String> liveOrders = live(collectionId);
        Set<String> deducted = redisDeductionsNotGivenBack(collectionId);
        assertThat(deducted).as("late deductions are in Redis").containsAll(late).doesNotContainAnyElementsOf(lost);
        assertThat(liveOrders).as("lost deductions made no order").doesNotContainAnyElementsOf(lost);
        assertThat(checkBacks("COMMIT")).as("check-backs answered COMMIT").isGreaterThanOrEqualTo(LATE_ROUNDS);

        // Invariants: orders == Redis deductions not given back == DB deductions; no unit twice; stocks agree.
        assertThat(deducted).as("Redis deductions not given back = live orders").isEqualTo(liveOrders);
        List<String> dbDeductions = strings(collectionId, "SELECT identifier FROM nft_inventory_flow f WHERE"
                + " collection_id = ? AND change_type = 'DEDUCT' AND NOT EXISTS (SELECT 1 FROM nft_inventory_flow r"
                + " WHERE r.order_id = f.order_id AND r.change_type = 'RESTORE')");
        assertThat(dbDeductions).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(liveOrders);
        assertThat(strings(collectionId, "SELECT identifier FROM nft_order WHERE collection_id = ?"))
                .as("one order per token").doesNotHaveDuplicates();
        int remaining = ITEMS - liveOrders.size();
        assertThat(strings(collectionId, "SELECT CAST(stock AS VARCHAR(20)) FROM nft_inventory WHERE collection_id = ?"))
                .containsExactly(Integer.toString(remaining));
        assertThat(redisStock(collectionId)).isEqualTo(Integer.toString(remaining));

        System.out.printf("netfault sample: %d buys PENDING (local transaction UNKNOWN): %d deductions delivered late ->"
                        + " COMMIT, %d lost in a cut -> ROLLBACK; check-backs COMMIT=%d ROLLBACK=%d UNKNOWN=%d; %d live"
                        + " orders = Redis deductions; a buy ACCEPTED again at most %d ms after a heal from a cut (answers"
                        + " before: %s); all settled %d ms after the last round%n",
                late.size() + lost.size(), late.size(), lost.size(), (long) checkBacks("COMMIT"),
                (long) checkBacks("ROLLBACK"), (long) checkBacks("UNKNOWN"), liveOrders.size(), recoveredMs,
                recoveryAnswers, settledMs);
    }

    /** A buy whose deduction the proxy holds: answered PENDING (its token returned); the connection stays stalled. */
    private static String pendingBuy(long collectionId) {
        String buyer = app.newBuyer();
        String token = app.token(buyer, "buy");
        int stalled = proxy.stalledConnections();
        proxy.stallOn(DEDUCT_SHA);
        TradingClient.Answer answer = app.buy(buyer, token, collectionId, 1, PRICE);
        assertThat(answer.ok()).as("buy under a stalled stock connection: %s", answer).isTrue();
        assertThat(answer.data().path("status").asText()).as("the local transaction's outcome is unknown").isEqualTo("PENDING");
        assertThat(proxy.stalledConnections()).as("its deduction was held").isEqualTo(stalled + 1);
        return token;
    }

    /** After a heal from a cut: the buyer's buys, a fresh token each, until one is accepted (the clients reconnect); bounded. */
    private static long millisUntilABuyIsAccepted(String buyer, long collectionId, Map<String, Integer> answers) {
        long healed = System.nanoTime();
        while (true) {
            if (System.nanoTime() - healed > TimeUnit.SECONDS.toNanos(60)) {
                throw new AssertionError("no buy accepted within the bound of this wait (60 s after the heal): " + answers);
            }
            try {
                TradingClient.Answer answer = app.buy(buyer, app.token(buyer, "buy"), collectionId, 1, PRICE);
                if (answer.ok() && "ACCEPTED".equals(answer.data().path("status").asText())) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healed);
                }
                answers.merge(answer.ok() ? answer.data().path("status").asText() : answer.status() + " " + answer.code(),
                        1, Integer::sum);
            } catch (AssertionError | RuntimeException e) {
                answers.merge("token refused", 1, Integer::sum); // still reconnecting
            }
            pause(100);
        }
    }

    /** Tokens of the collection's live orders (not cancelled or failed). */
    private static Set<String> live(long collectionId) {
        return new HashSet<>(strings(collectionId,
                "SELECT identifier FROM nft_order WHERE collection_id = ? AND state IN ('CREATING', 'CREATED')"));
    }

    /** The order-create check-backs of the app that answered {@code answer}, from its Prometheus scrape. */
    private static double checkBacks(String answer) {
        PrometheusScrape.Answer scrape = PrometheusScrape.get(process.httpPort(), app.admin());
        double total = 0;
        for (String line : scrape.body().split("\n")) {
            if (line.startsWith("tradekit_txmsg_check_total{") && line.contains("answer=\"" + answer + "\"")
                    && line.contains("scene=\"ORDER_CREATE\"")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static Set<String> redisDeductionsNotGivenBack(long collectionId) {
        StockKeys keys = new StockKeys("tradekit:stock:");
        String item = "nft:" + collectionId;
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            Set<String> deducted = new HashSet<>();
            Set<String> givenBack = new HashSet<>();
            for (String field : redis.sync().hkeys(keys.records(item))) {
                if (field.startsWith("#D|")) {
                    deducted.add(field.substring(3));
                } else if (field.startsWith("#I|")) {
                    givenBack.add(field.substring(3));
                }
            }
            deducted.removeAll(givenBack);
            return deducted;
        } finally {
            client.shutdown();
        }
    }

    private static String redisStock(long collectionId) {
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            return redis.sync().get(new StockKeys("tradekit:stock:").stock("nft:" + collectionId));
        } finally {
            client.shutdown();
        }
    }

    /** One string column of a query on the collection, from the shared database (read directly). */
    private static List<String> strings(long collectionId, String sql) {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "sa", "");
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, collectionId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void poll(Duration bound, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within the bound of this wait (" + bound + "): " + what);
            }
            pause(250);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
