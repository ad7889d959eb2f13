package io.tradekit.sample.nft.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.NftApplication;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.stock.StockService;
import io.tradekit.sample.nft.inventory.job.StockReconciliationJob;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import io.tradekit.sample.nft.user.application.SessionUser;
import io.tradekit.sample.nft.user.application.UserCommandService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seckill: 100 NFTs, 2,000 buy attempts by 200 buyers from 48 threads, spread over two
 * application instances on the same Redis, broker and database. Exactly 100 orders, both stocks at
 * zero, one inventory flow per order, one order per token, and no drift. Then the late buyers: refused
 * from the sold-out flag with no database statement, no Dubbo call and no token spent, until a restock
 * on the other instance (a cancel) clears the flag and the same tokens buy again.
 *
 * <p>Runs last ({@code @Order}): both contexts share Dubbo's framework model, and closing the second
 * one destroys the Dubbo protocols of the JVM, so the first context's facade calls fail afterwards
 * ("Not found exported service"), even with separate protocol ports. Separate JVMs (production) are
 * not affected.
 */
@SampleAppTest
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeckillTwoInstancesTest {

    private static final BigDecimal PRICE = new BigDecimal("1.00");
    private static final int ITEMS = 100;
    private static final int BUYERS = 200;
    private static final int ATTEMPTS = 2_000;

    @LocalServerPort
    int port;

    @Autowired
    UserCommandService users;

    @Autowired
    CurrentSession session;

    @Autowired
    InventoryService inventory;

    /** The Redis stock as the inventory keeps it (item {@code nft:<collectionId>}). */
    @Autowired
    StockService redisStock;

    @Autowired
    StockReconciliationJob reconciliation;

    @Autowired
    JdbcTemplate jdbc;

    /** The second instance, shared by the seckill and the late buyers after it; closed last. */
    private static ConfigurableApplicationContext secondApp;
    private static long collectionId;
    /** The accepted orders and their buyers' sessions. */
    private static final Map<String, String> ORDERS = new ConcurrentHashMap<>();

    @AfterAll
    static void closeSecond() {
        if (secondApp != null) {
            secondApp.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void exactlyAsManyOrdersAsItemsOverTwoInstances() throws Exception {
        TradingClient first = new TradingClient(port);
        collectionId = first.openCollection(first.admin(), PRICE, ITEMS, false, Instant.now().minusSeconds(60));
        List<String> sessions = buyers();

        // Both contexts share Dubbo's framework model (VERSIONS.md pitfall 8): a port of its own keeps the
        // second one's exporters from replacing the first one's while both run.
        secondApp = new SpringApplicationBuilder(NftApplication.class)
                .properties("server.port=0", "dubbo.application.name=sample-nft-app-second",
                        "dubbo.protocol.port=" + freePort()).run();
        {
            TradingClient second = new TradingClient(
                    Integer.parseInt(secondApp.getEnvironment().getProperty("local.server.port")));

            Map<String, Integer> answers = new ConcurrentHashMap<>();
            List<String> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger perInstance = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(48);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                String buyer = sessions.get(i % BUYERS);
                TradingClient instance = i % 2 == 0 ? first : second;
                done.add(pool.submit(() -> {
                    TradingClient.Answer answer = instance.buy(buyer, instance.token(buyer, "buy"), collectionId, 1,
                            PRICE);
                    if (answer.ok()) {
                        accepted.add(answer.data().path("orderId").asText());
                        ORDERS.put(answer.data().path("orderId").asText(), buyer);
                        if (instance == second) {
                            perInstance.incrementAndGet();
                        }
                    }
                    answers.merge(answer.ok() ? "OK" : answer.status() + " " + answer.code(), 1, Integer::sum);
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();

            assertThat(answers.keySet()).as("every answer is an order or sold out: %s", answers)
                    .containsOnly("OK", "422 SOLD_OUT");
            assertThat(accepted).hasSize(ITEMS).doesNotHaveDuplicates();
            assertThat(perInstance.get()).as("both instances sold").isBetween(1, ITEMS - 1);

            awaitOrders(collectionId, ITEMS);
            assertThat(jdbc.queryForList("SELECT CAST(id AS VARCHAR(20)) FROM nft_order WHERE collection_id = ?",
                    String.class, collectionId)).containsExactlyInAnyOrderElementsOf(accepted);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT identifier) FROM nft_order WHERE collection_id = ?",
                    Integer.class, collectionId)).isEqualTo(ITEMS);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_inventory_flow WHERE collection_id = ?"
                    + " AND change_type = 'DEDUCT'", Integer.class, collectionId)).isEqualTo(ITEMS);
            assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT order_id) FROM nft_inventory_flow"
                    + " WHERE collection_id = ?", Integer.class, collectionId)).isEqualTo(ITEMS);
            assertThat(inventory.dbStock(collectionId)).isZero();
            assertThat(redisStock.get("nft:" + collectionId)).hasValue(0);
            assertThat(reconciliation.reconcile(collectionId).none()).isTrue();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void lateBuyersCostNoDatabaseDubboOrTokenUntilARestockOnTheOtherInstance() {
        assertThat(secondApp).as("runs after the seckill, on its sold-out sale").isNotNull();
        TradingClient first = new TradingClient(port);
        TradingClient second = new TradingClient(
                Integer.parseInt(secondApp.getEnvironment().getProperty("local.server.port")));
        String late = first.newBuyer();
        // The first instance learns the sell-out from Redis (a refused buy), as it did during the seckill.
        assertThat(first.buy(late, first.token(late, "buy"), collectionId, 1, PRICE).code()).isEqualTo("SOLD_OUT");
        assertThat(redisStock.knownSoldOut("nft:" + collectionId, 1)).isTrue();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tokens.add(first.token(late, "buy"));
        }

        jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        long statementsBefore = buyStatements();
        long dubboBefore = DubboCallCounter.webCalls();
        for (String token : tokens) {
            TradingClient.Answer answer = first.buy(late, token, collectionId, 1, PRICE);
            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.code()).isEqualTo("SOLD_OUT");
        }
        assertThat(DubboCallCounter.webCalls() - dubboBefore).as("Dubbo calls of 30 sold-out buys").isZero();
        assertThat(buyStatements() - statementsBefore).as("statements on the buy's tables of 30 sold-out buys")
                .isZero();

        // Hostile and malformed buys still get their own coded errors, not the sold-out answer.
        assertThat(first.buy(late, "not-a-token", collectionId, 1, PRICE).code()).isEqualTo("PARAM_INVALID");
        assertThat(first.post("/trade/buy", late, tokens.get(3), java.util.Map.of("collectionId", collectionId,
                "quantity", 11, "price", PRICE)).code()).isEqualTo("PARAM_INVALID");
        assertThat(first.post("/trade/buy", late, tokens.get(4), "{\"collectionId\": \"1; DROP TABLE\"}").status())
                .isEqualTo(400);
        assertThat(first.post("/trade/buy", late, tokens.get(5), "{\"collectionId\": " + collectionId).status())
                .isEqualTo(400);
        assertThat(first.buy(null, tokens.get(6), collectionId, 1, PRICE).status()).isEqualTo(401);

        // A restock on the second instance: one buyer cancels there; the stock comes back in the DB and in
        // Redis, and the restock announcement clears the first instance's flag.
        Map.Entry<String, String> order = ORDERS.entrySet().iterator().next();
        TradingClient.Answer cancelled = second.post("/trade/cancel", order.getValue(),
                java.util.Map.of("orderId", order.getKey()));
        assertThat(cancelled.ok()).as("cancel %s", cancelled).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline && redisStock.knownSoldOut("nft:" + collectionId, 1)) {
            TradingClient.pause();
        }
        assertThat(redisStock.knownSoldOut("nft:" + collectionId, 1)).as("flag cleared by the restock").isFalse();

        // A token refused as sold out was never spent: it buys the returned item.
        long statementsBeforeBuy = buyStatements();
        long dubboBeforeBuy = DubboCallCounter.webCalls();
        TradingClient.Answer bought = first.buy(late, tokens.get(1), collectionId, 1, PRICE);
        assertThat(bought.ok()).as("buy after the restock: %s", bought).isTrue();
        // The counters see a buy that does work: the zeros above are no blind spot.
        assertThat(DubboCallCounter.webCalls() - dubboBeforeBuy).as("Dubbo calls of an accepted buy").isPositive();
        assertThat(buyStatements() - statementsBeforeBuy).as("statements of an accepted buy").isPositive();
        assertThat(first.buy(late, tokens.get(2), collectionId, 1, PRICE).code()).isEqualTo("SOLD_OUT");

        awaitOrders(collectionId, ITEMS);
        assertThat(inventory.dbStock(collectionId)).isZero();
        assertThat(redisStock.get("nft:" + collectionId)).hasValue(0);
        assertThat(reconciliation.reconcile(collectionId).none()).isTrue();
    }

    /** Executions of statements on the tables a buy reads or writes before and at its deduction. */
    private long buyStatements() {
        Long n = jdbc.queryForObject("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS"
                + " WHERE (LOWER(SQL_STATEMENT) LIKE '%nft_user%' OR LOWER(SQL_STATEMENT) LIKE '%nft_collection%'"
                + " OR LOWER(SQL_STATEMENT) LIKE '%nft_inventory%' OR LOWER(SQL_STATEMENT) LIKE '%nft_order%')"
                + " AND LOWER(SQL_STATEMENT) NOT LIKE '%information_schema%'", Long.class);
        return n == null ? 0 : n;
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** 200 authenticated buyers with sessions, registered through the service (the HTTP path is tested elsewhere). */
    private List<String> buyers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            futures.add(pool.submit(() -> {
                long id = users.register(TradingClient.uniquePhone(), TradingClient.PASSWORD, null);
                users.authenticate(id, "Han Meimei", TradingClient.validIdCard());
                return session.login(SessionUser.loginId(id));
            }));
        }
        List<String> sessions = new ArrayList<>();
        for (Future<String> f : futures) {
            sessions.add(f.get());
        }
        pool.shutdown();
        return sessions;
    }

    private void awaitOrders(long collectionId, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && count(collectionId) < expected) {
            TradingClient.pause();
        }
        assertThat(count(collectionId)).isEqualTo(expected);
    }

    private int count(long collectionId) {
        // Written by the consumers (CREATED), not merely accepted (CREATING): their DB stock is deducted.
        return jdbc.queryForObject("SELECT COUNT(*) FROM nft_order WHERE collection_id = ? AND state = 'CREATED'",
                Integer.class, collectionId);
    }
}
