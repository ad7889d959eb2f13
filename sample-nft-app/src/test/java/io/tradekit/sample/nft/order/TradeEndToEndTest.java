package io.tradekit.sample.nft.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.chain.application.NftProofDTO;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.stock.StockService;
import io.tradekit.sample.nft.order.api.OrderPaidEvent;
import io.tradekit.sample.nft.order.job.CloseUnpaidOrdersJob;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Register → login → browse → token → buy → pay, cancel and the timeout close, over HTTP on the real servers. */
@SampleAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TradeEndToEndTest {

    private static final BigDecimal PRICE = new BigDecimal("9.90");
    private static final List<OrderPaidEvent> PAID = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;

    @Autowired
    InventoryService inventory;

    /** The Redis stock as the inventory keeps it (item {@code nft:<collectionId>}). */
    @Autowired
    StockService redisStock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper mapper;

    @Autowired
    CloseUnpaidOrdersJob closeJob;

    @Autowired
    ConfigurableApplicationContext context;

    TradingClient client;
    String admin;

    @BeforeAll
    void start() {
        client = new TradingClient(port);
        admin = client.admin();
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<OrderPaidEvent>>) event ->
                PAID.add(event.getPayload()));
    }

    @Test
    void buyerBrowsesBuysOnceAndPays() {
        long collectionId = client.openCollection(admin, PRICE, 5, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();

        assertThat(client.get("/collections?page=1&size=100", null).body().path("list").findValuesAsText("name"))
                .anyMatch(name -> name.startsWith("Moon #"));
        JsonNode detail = client.get("/collections/" + collectionId, null).data();
        assertThat(detail.path("state").asText()).isEqualTo("ON_SALE");
        assertThat(detail.path("price").decimalValue()).isEqualByComparingTo(PRICE);

        String token = client.token(buyer, "buy");
        TradingClient.Answer bought = client.buy(buyer, token, collectionId, 1, PRICE);
        assertThat(bought.ok()).as(bought.toString()).isTrue();
        assertThat(bought.data().path("status").asText()).isEqualTo("ACCEPTED");
        String orderId = bought.data().path("orderId").asText();

        JsonNode order = client.awaitOrder(buyer, orderId, o -> "CREATED".equals(o.path("state").asText()));
        assertThat(order.path("amount").decimalValue()).isEqualByComparingTo(PRICE);

        // The same token again: the filter refuses it before the controller, no second order.
        TradingClient.Answer replay = client.buy(buyer, token, collectionId, 1, PRICE);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.code()).isEqualTo("DUPLICATE_REQUEST");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_order WHERE collection_id = ?", Integer.class,
                collectionId)).isEqualTo(1);
        assertThat(inventory.dbStock(collectionId)).isEqualTo(4);
        assertThat(redisStock.get("nft:" + collectionId)).hasValue(4);

        // Another buyer can neither read nor pay it.
        String stranger = client.newBuyer();
        TradingClient.Answer strangerRead = client.get("/trade/orders/" + orderId, stranger);
        assertThat(strangerRead.status()).as("not found is 404, not 422").isEqualTo(404);
        assertThat(strangerRead.code()).isEqualTo("ORDER_NOT_FOUND");
        TradingClient.Answer strangerPay = client.post("/trade/pay", stranger, client.token(stranger, "pay"),
                Map.of("orderId", orderId));
        assertThat(strangerPay.status()).isEqualTo(404);
        assertThat(strangerPay.code()).isEqualTo("ORDER_NOT_FOUND");

        TradingClient.Answer paid = client.post("/trade/pay", buyer, client.token(buyer, "pay"),
                Map.of("orderId", orderId));
        assertThat(paid.ok()).as(paid.toString()).isTrue();
        assertThat(paid.data().path("state").asText()).isEqualTo("PAID");
        assertThat(PAID).filteredOn(e -> e.orderId() == Long.parseLong(orderId)).singleElement()
                .satisfies(e -> {
                    assertThat(e.collectionId()).isEqualTo(collectionId);
                    assertThat(e.quantity()).isEqualTo(1);
                });
        // The payment mints the NFT on the ledger: the buyer sees it, and its Merkle proof verifies
        // without the ledger (the block is sealed within the seal interval).
        NftProofDTO proof = awaitProof(buyer, orderId);
        assertThat(proof.leaf().orderId()).isEqualTo(Long.parseLong(orderId));
        assertThat(proof.leaf().collectionId()).isEqualTo(collectionId);
        assertThat(proof.verify()).isTrue();
        // A paid order cannot be cancelled.
        assertThat(client.post("/trade/cancel", buyer, Map.of("orderId", orderId)).code())
                .isEqualTo("ORDER_STATE_CHANGED");
        assertThat(jdbc.queryForList("SELECT to_state FROM nft_order_flow WHERE order_id = ? ORDER BY id",
                String.class, Long.parseLong(orderId))).containsExactly("CREATING", "CREATED", "PAID");
    }

    /** Polls the buyer's NFTs, then the proof of the order's NFT, until both answer (deadline 30 s). */
    private NftProofDTO awaitProof(String buyer, String orderId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode nft : client.get("/chain/nfts", buyer).body().path("list")) {
                if (orderId.equals(nft.path("orderId").asText())) {
                    TradingClient.Answer proof = client.get("/chain/proof/" + nft.path("tokenId").asText(), null);
                    if (proof.ok()) {
                        try {
                            return mapper.treeToValue(proof.data(), NftProofDTO.class);
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new AssertionError("unreadable proof " + proof, e);
                        }
                    }
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("no verifiable NFT for order " + orderId + " within 30 s");
    }

    @Test
    void cancelGivesDbAndRedisStockBack() {
        long collectionId = client.openCollection(admin, PRICE, 3, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        String orderId = client.buy(buyer, client.token(buyer, "buy"), collectionId, 2, PRICE)
                .data().path("orderId").asText();
        client.awaitOrder(buyer, orderId, o -> "CREATED".equals(o.path("state").asText()));
        assertThat(inventory.dbStock(collectionId)).isEqualTo(1);

        TradingClient.Answer cancelled = client.post("/trade/cancel", buyer, Map.of("orderId", orderId));
        assertThat(cancelled.ok()).as(cancelled.toString()).isTrue();
        assertThat(client.awaitOrder(buyer, orderId, o -> true).path("state").asText()).isEqualTo("CANCELLED");
        awaitStock(collectionId, 3);
        // A second cancel is refused and changes nothing.
        assertThat(client.post("/trade/cancel", buyer, Map.of("orderId", orderId)).code())
                .isEqualTo("ORDER_STATE_CHANGED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_inventory_flow WHERE order_id = ?", Integer.class,
                Long.parseLong(orderId))).isEqualTo(2);
    }

    @Test
    void unpaidOrderIsClosedAfterTheTimeoutAndItsStockReturns() {
        long collectionId = client.openCollection(admin, PRICE, 2, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        String orderId = client.buy(buyer, client.token(buyer, "buy"), collectionId, 1, PRICE)
                .data().path("orderId").asText();
        client.awaitOrder(buyer, orderId, o -> "CREATED".equals(o.path("state").asText()));

        assertThat(closeJob.closeUnpaidAt(Instant.now())).as("not yet past the 15 min timeout").isZero();
        assertThat(closeJob.closeUnpaidAt(Instant.now().plus(Duration.ofMinutes(16)))).isPositive();

        assertThat(client.awaitOrder(buyer, orderId, o -> !"CREATED".equals(o.path("state").asText()))
                .path("state").asText()).isEqualTo("CLOSED");
        awaitStock(collectionId, 2);
        TradingClient.Answer late = client.post("/trade/pay", buyer, client.token(buyer, "pay"),
                Map.of("orderId", orderId));
        assertThat(late.code()).isEqualTo("ORDER_STATE_CHANGED");
    }

    @Test
    void refusesBadBuys() {
        long collectionId = client.openCollection(admin, PRICE, 2, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();

        assertThat(client.buy(buyer, null, collectionId, 1, PRICE).status()).isEqualTo(400);
        assertThat(client.buy(buyer, UUID.randomUUID().toString(), collectionId, 1, PRICE).status())
                .as("forged token").isEqualTo(409);
        assertThat(client.buy(buyer, "#{T(java.lang.Runtime).getRuntime()}", collectionId, 1, PRICE).status())
                .isEqualTo(400);
        // A token is bound to its owner: another session cannot spend it.
        String other = client.newBuyer();
        assertThat(client.buy(other, client.token(buyer, "buy"), collectionId, 1, PRICE).status()).isEqualTo(409);
        // No session: the SSO starter issues no token and lets no buy through.
        assertThat(client.get("/idempotent/token?scene=buy", null).status()).isEqualTo(401);
        assertThat(client.get("/idempotent/token?scene=buy", "forged-" + UUID.randomUUID()).status()).isEqualTo(401);

        assertThat(client.buy(buyer, client.token(buyer, "buy"), collectionId, 1, new BigDecimal("0.01")).code())
                .isEqualTo("PRICE_CHANGED");
        assertThat(client.buy(buyer, client.token(buyer, "buy"), collectionId, 0, PRICE).status()).isEqualTo(400);
        assertThat(client.buy(buyer, client.token(buyer, "buy"), collectionId, 1_000_000, PRICE).status())
                .isEqualTo(400);
        assertThat(client.buy(buyer, client.token(buyer, "buy"), 999_999_999L, 1, PRICE).code())
                .isEqualTo("GOODS_NOT_ON_SALE");
        assertThat(client.post("/trade/buy", buyer, client.token(buyer, "buy"), "{not json").status()).isEqualTo(400);
        assertThat(client.post("/trade/buy", buyer, client.token(buyer, "buy"), Map.of()).status()).isEqualTo(400);
        assertThat(client.get("/trade/orders/abc", buyer).status()).isEqualTo(400);
        assertThat(client.get("/trade/orders/99999999999999999999999", buyer).status()).isEqualTo(400);

        // Not on sale yet, and a buyer without real-name authentication.
        long future = client.openCollection(admin, PRICE, 2, false, Instant.now().plus(Duration.ofDays(1)));
        assertThat(client.buy(buyer, client.token(buyer, "buy"), future, 1, PRICE).code())
                .isEqualTo("SALE_NOT_STARTED");
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        String anonymous = client.login(phone);
        assertThat(client.buy(anonymous, client.token(anonymous, "buy"), collectionId, 1, PRICE).code())
                .isEqualTo("REAL_NAME_REQUIRED");

        assertThat(inventory.dbStock(collectionId)).isEqualTo(2);
        assertThat(redisStock.get("nft:" + collectionId)).hasValue(2);
    }

    @Test
    void bookingIsRequiredWhenTheCollectionSaysSo() {
        Instant soon = Instant.now().plusSeconds(3);
        long collectionId = client.openCollection(admin, PRICE, 2, true, soon);
        String booked = client.newBuyer();
        String notBooked = client.newBuyer();
        assertThat(client.post("/collections/" + collectionId + "/book", booked, Map.of()).ok()).isTrue();
        assertThat(client.post("/collections/" + collectionId + "/book", booked, Map.of()).ok())
                .as("booking twice is harmless").isTrue();
        while (Instant.now().isBefore(soon)) {
            TradingClient.pause();
        }
        assertThat(client.post("/collections/" + collectionId + "/book", notBooked, Map.of()).code())
                .isEqualTo("NOT_BOOKABLE");
        assertThat(client.buy(notBooked, client.token(notBooked, "buy"), collectionId, 1, PRICE).code())
                .isEqualTo("NOT_BOOKED");
        assertThat(client.buy(booked, client.token(booked, "buy"), collectionId, 1, PRICE).ok()).isTrue();
    }

    private void awaitStock(long collectionId, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (inventory.dbStock(collectionId) == expected
                    && redisStock.get("nft:" + collectionId).orElse(-1) == expected) {
                return;
            }
            TradingClient.pause();
        }
        assertThat(inventory.dbStock(collectionId)).isEqualTo(expected);
        assertThat(redisStock.get("nft:" + collectionId)).hasValue(expected);
    }
}
