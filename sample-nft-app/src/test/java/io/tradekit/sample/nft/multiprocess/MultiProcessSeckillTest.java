package io.tradekit.sample.nft.multiprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.order.TradingClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Many processes, one seckill: the shared dev servers, one {@code goods} and two {@code trade} processes of
 * the Boot jar (child JVMs), a seckill of {@value #ITEMS} items from {@value #ATTEMPTS} attempts through both
 * trade processes, and what processes must share: sessions (a logout anywhere ends the session everywhere),
 * the local caches (an update on one process clears the other's copy) and the sold-out flag (a restock on one
 * process clears the other's). Runs after {@code package} (surefire execution {@code multi-process}).
 */
@Tag("multi-process")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiProcessSeckillTest {

    private static final BigDecimal PRICE = new BigDecimal("1.00");
    private static final int ITEMS = 100;
    private static final int BUYERS = 120;
    private static final int ATTEMPTS = 1_200;
    /** How long a change on one process may take to reach another: far below the TTLs set below. */
    private static final Duration PROPAGATION = Duration.ofSeconds(20);

    private static SplitRoles roles;
    private static SeckillInvariants invariants;
    private static TradingClient goods;
    private static TradingClient trade1;
    private static TradingClient trade2;
    private static long collectionId;
    /** The seckill's accepted orders and their buyers' sessions. */
    private static final Map<String, String> ORDERS = new ConcurrentHashMap<>();

    @BeforeAll
    static void startProcesses() throws Exception {
        // Local copies outlive the test (10 minutes): only the cross-process invalidation can clear them in time.
        roles = SplitRoles.start(Path.of("target", "multi-process"), List.of("--tradekit.cache.local.expire=10m",
                "--tradekit.stock.sold-out-ttl=10m"));
        invariants = new SeckillInvariants(roles.servers());
        goods = new TradingClient(roles.goods().httpPort());
        trade1 = new TradingClient(roles.trade1().httpPort());
        trade2 = new TradingClient(roles.trade2().httpPort());
    }

    @AfterAll
    static void reap() {
        if (roles != null) {
            roles.close();
        }
    }

    @Test
    @Order(1)
    void exactlyAsManyOrdersAsItemsThroughTwoTradeProcesses() throws Exception {
        // The admin logs in on a trade process and opens the sale on the goods process: one session store.
        collectionId = goods.openCollection(trade1.admin(), PRICE, ITEMS, false, Instant.now().minusSeconds(60));
        List<String> buyers = buyers(BUYERS);

        Map<String, Integer> answers = new ConcurrentHashMap<>();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        Map<TradingClient, Integer> perProcess = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                String buyer = buyers.get(i % BUYERS);
                TradingClient trade = i % 2 == 0 ? trade1 : trade2;
                done.add(pool.submit(() -> {
                    TradingClient.Answer answer = trade.buy(buyer, trade.token(buyer, "buy"), collectionId, 1, PRICE);
                    if (answer.ok()) {
                        String orderId = answer.data().path("orderId").asText();
                        accepted.add(orderId);
                        ORDERS.put(orderId, buyer);
                        perProcess.merge(trade, 1, Integer::sum);
                    }
                    answers.merge(answer.ok() ? "OK" : answer.status() + " " + answer.code(), 1, Integer::sum);
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers.keySet()).as("every answer is an order or sold out: %s", answers)
                .containsOnly("OK", "422 SOLD_OUT");
        assertThat(accepted).hasSize(ITEMS).doesNotHaveDuplicates();
        assertThat(perProcess.keySet()).as("both trade processes sold: %s", perProcess).hasSize(2);
        awaitOrders(ITEMS);
        assertThat(strings("SELECT CAST(id AS VARCHAR(20)) FROM nft_order WHERE collection_id = ?"))
                .containsExactlyInAnyOrderElementsOf(accepted);
        assertStocksAgree();
        // Check-backs reach only processes that know the order's scenes (one producer group per role).
        assertThat(new String(Files.readAllBytes(roles.goods().log()), StandardCharsets.UTF_8)).doesNotContain("Check-back for unknown scene");
    }

    @Test
    @Order(2)
    void aLogoutOnOneProcessIsRefusedOnTheOthers() {
        String session = trade1.newBuyer();
        assertThat(trade2.get("/user/me", session).ok()).as("the session works on the other trade process").isTrue();
        assertThat(goods.get("/user/me", session).ok()).as("and on the goods process").isTrue();

        assertThat(trade1.post("/user/logout", session, Map.of()).ok()).isTrue();

        assertThat(trade2.get("/user/me", session).status()).isEqualTo(401);
        assertThat(goods.get("/user/me", session).status()).isEqualTo(401);
        assertThat(trade2.get("/idempotent/token?scene=buy", session).status()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void aUserUpdateOnOneProcessClearsTheOthersLocalCache() {
        String phone = TradingClient.uniquePhone();
        trade1.register(phone);
        String session = trade1.login(phone);
        // Both trade processes now hold the account in their local level.
        assertThat(trade1.get("/user/me", session).data().path("state").asText()).isEqualTo("INIT");
        assertThat(trade2.get("/user/me", session).data().path("state").asText()).isEqualTo("INIT");

        assertThat(trade1.post("/user/auth", session, Map.of("realName", "Li Lei",
                "idCardNo", TradingClient.validIdCard())).ok()).isTrue();

        assertThat(eventually(() -> trade2.get("/user/me", session).data().path("state").asText(), "AUTHENTICATED"))
                .as("the other trade process's copy after the update").isEqualTo("AUTHENTICATED");
    }

    @Test
    @Order(4)
    void aRestockOnOneProcessClearsTheOthersSoldOutFlag() throws Exception {
        assertThat(collectionId).as("runs on the seckill's sold-out sale").isPositive();
        String late = trade1.newBuyer();
        // Each trade process learns the sell-out from Redis (a refused buy) and keeps it as its flag.
        String token1 = trade1.token(late, "buy");
        String token2 = trade2.token(late, "buy");
        assertThat(trade1.buy(late, token1, collectionId, 1, PRICE).code()).isEqualTo("SOLD_OUT");
        assertThat(trade2.buy(late, token2, collectionId, 1, PRICE).code()).isEqualTo("SOLD_OUT");

        // A restock on trade-2: one buyer cancels there; the stock returns in the DB and in Redis.
        Map.Entry<String, String> order = ORDERS.entrySet().iterator().next();
        TradingClient.Answer cancelled = trade2.post("/trade/cancel", order.getValue(), Map.of("orderId", order.getKey()));
        assertThat(cancelled.ok()).as("cancel %s", cancelled).isTrue();

        // trade-1's flag (10 minutes to live) must go: the refused token was never spent, it buys the item.
        TradingClient.Answer bought = null;
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (System.nanoTime() < deadline) {
            bought = trade1.buy(late, token1, collectionId, 1, PRICE);
            if (!"SOLD_OUT".equals(bought.code())) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(bought.ok()).as("buy on trade-1 after the restock on trade-2: %s", bought).isTrue();
        ORDERS.remove(order.getKey());
        ORDERS.put(bought.data().path("orderId").asText(), late);
        assertThat(trade2.buy(late, token2, collectionId, 1, PRICE).code()).isEqualTo("SOLD_OUT");

        awaitOrders(ITEMS);
        assertStocksAgree();
    }

    /**
     * The stocks and the records of every buy agree ({@link SeckillInvariants}: one order per token, every
     * half message resolved, no drift), and the sale is sold out: {@value #ITEMS} live orders, DB and Redis
     * stock 0, every order CREATED or (the restock's) CANCELLED.
     */
    private void assertStocksAgree() throws Exception {
        SeckillInvariants.Snapshot sale = invariants.read(collectionId);
        assertThat(sale.violations(ITEMS)).as("%s", sale).isEmpty();
        assertThat(sale.liveOrderTokens()).hasSize(ITEMS);
        assertThat(sale.ordersByState().keySet()).isSubsetOf("CREATED", "CANCELLED");
        assertThat(sale.dbStock()).as("DB stock").isZero();
        assertThat(sale.redisStock()).as("Redis stock").isZero();
    }

    /** Buyers able to buy (registered, logged in, authenticated), alternately through each trade process. */
    private static List<String> buyers(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                TradingClient trade = i % 2 == 0 ? trade1 : trade2;
                futures.add(pool.submit(trade::newBuyer));
            }
            List<String> sessions = new ArrayList<>();
            for (Future<String> f : futures) {
                sessions.add(f.get(2, TimeUnit.MINUTES));
            }
            return sessions;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until the consumers wrote {@code expected} live orders (CREATED), 90 s at most. */
    private static void awaitOrders(int expected) throws Exception {
        String sql = "SELECT CAST(COUNT(*) AS VARCHAR(20)) FROM nft_order WHERE collection_id = ? AND state = 'CREATED'";
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && Integer.parseInt(strings(sql).get(0)) != expected) {
            Thread.sleep(250);
        }
        assertThat(strings(sql)).as("orders written by the consumers").containsExactly(Integer.toString(expected));
    }

    private static String eventually(Supplier<String> read, String wanted) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        String last = read.get();
        while (!wanted.equals(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = read.get();
        }
        return last;
    }

    /** One string column of a query on the collection, from the shared database. */
    private static List<String> strings(String sql) throws Exception {
        return invariants.strings(sql, collectionId);
    }
}
