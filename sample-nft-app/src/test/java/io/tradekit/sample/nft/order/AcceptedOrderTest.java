package io.tradekit.sample.nft.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.stock.StockService;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20 item 1: the order a buy accepted is readable at once (CREATING, recorded with the Redis
 * deduction), so the tour's next steps never meet ORDER_NOT_FOUND; pay and cancel of an order the
 * consumer has not written yet answer a retryable 409 ORDER_NOT_READY and spend nothing, and the same
 * pay token works once the order is CREATED. The seckill invariants stay: one order per token, DB stock
 * deducted once (by the consumer), Redis and DB agree.
 */
@SampleAppTest
class AcceptedOrderTest {

    private static final BigDecimal PRICE = new BigDecimal("6.00");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InventoryService inventory;

    /** The Redis stock as the inventory keeps it (item {@code nft:<collectionId>}). */
    @Autowired
    StockService redisStock;

    @Test
    void theAcceptedOrderIsReadableRightAfterTheBuy() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, 4, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        TradingClient.Answer bought = client.buy(buyer, client.token(buyer, "buy"), collectionId, 2, PRICE);
        assertThat(bought.data().path("status").asText()).as(bought.toString()).isEqualTo("ACCEPTED");
        String orderId = bought.data().path("orderId").asText();

        // No polling: the very next request finds it.
        TradingClient.Answer read = client.get("/trade/orders/" + orderId, buyer);
        assertThat(read.ok()).as(read.toString()).isTrue();
        assertThat(read.data().path("state").asText()).isIn("CREATING", "CREATED");
        assertThat(read.data().path("quantity").asInt()).isEqualTo(2);
        assertThat(read.data().path("amount").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(client.get("/trade/orders", buyer).body().path("list").findValuesAsText("orderId"))
                .contains(orderId);
        assertThat(client.get("/trade/orders/" + orderId, client.newBuyer()).code()).isEqualTo("ORDER_NOT_FOUND");

        client.awaitOrder(buyer, orderId, o -> "CREATED".equals(o.path("state").asText()));
        assertThat(jdbc.queryForList("SELECT to_state FROM nft_order_flow WHERE order_id = ? ORDER BY id",
                String.class, Long.parseLong(orderId))).containsExactly("CREATING", "CREATED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_inventory_flow WHERE order_id = ?", Integer.class,
                Long.parseLong(orderId))).isEqualTo(1);
        assertThat(inventory.dbStock(collectionId)).isEqualTo(2);
        assertThat(redisStock.get("nft:" + collectionId)).hasValue(2);
    }

    @Test
    void payAndCancelWaitForTheConsumerAndKeepThePayToken() throws Exception {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, 3, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        String token = client.token(buyer, "buy");
        // Hold the order in CREATING: the consumer's write fails (and is retried, 1 s apart) while armed.
        FailOnceTrigger.ALWAYS.add(token);
        jdbc.execute("CREATE TRIGGER IF NOT EXISTS nft_order_hold_creating BEFORE INSERT, UPDATE ON nft_order"
                + " FOR EACH ROW CALL '" + FailOnceTrigger.class.getName() + "'");
        String orderId;
        String payToken;
        try {
            TradingClient.Answer bought = client.buy(buyer, token, collectionId, 1, PRICE);
            assertThat(bought.ok()).as(bought.toString()).isTrue();
            orderId = bought.data().path("orderId").asText();
            assertThat(client.get("/trade/orders/" + orderId, buyer).data().path("state").asText())
                    .isEqualTo("CREATING");

            payToken = client.token(buyer, "pay");
            HttpResponse<String> pay = payRaw(buyer, payToken, orderId);
            assertThat(pay.statusCode()).as(pay.body()).isEqualTo(409);
            assertThat(pay.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(pay.body()).contains("\"code\":\"ORDER_NOT_READY\"").contains("\"success\":false");
            TradingClient.Answer cancel = client.post("/trade/cancel", buyer, Map.of("orderId", orderId));
            assertThat(cancel.status()).isEqualTo(409);
            assertThat(cancel.code()).isEqualTo("ORDER_NOT_READY");
            assertThat(client.get("/trade/orders/" + orderId, buyer).data().path("state").asText())
                    .isEqualTo("CREATING");
            assertThat(inventory.dbStock(collectionId)).as("no DB stock before the consumer").isEqualTo(3);
            assertThat(redisStock.get("nft:" + collectionId)).as("Redis stock held since the buy").hasValue(2);
        } finally {
            FailOnceTrigger.ALWAYS.remove(token);
            jdbc.execute("DROP TRIGGER IF EXISTS nft_order_hold_creating");
        }

        // The consumer's retry writes it; the same pay token (never spent) now pays it.
        client.awaitOrder(buyer, orderId, o -> "CREATED".equals(o.path("state").asText()));
        TradingClient.Answer paid = client.post("/trade/pay", buyer, payToken, Map.of("orderId", orderId));
        assertThat(paid.ok()).as(paid.toString()).isTrue();
        assertThat(paid.data().path("state").asText()).isEqualTo("PAID");
        TradingClient.Answer again = client.post("/trade/pay", buyer, payToken, Map.of("orderId", orderId));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DUPLICATE_REQUEST");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_order WHERE identifier = ?", Integer.class, token))
                .isEqualTo(1);
        assertThat(inventory.dbStock(collectionId)).isEqualTo(2);
        assertThat(redisStock.get("nft:" + collectionId)).hasValue(2);
    }

    @Test
    void aPaymentWithoutAValidTokenIsRefusedBeforeAnythingChanges() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, 2, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        String orderId = client.buy(buyer, client.token(buyer, "buy"), collectionId, 1, PRICE)
                .data().path("orderId").asText();
        client.awaitOrder(buyer, orderId, o -> "CREATED".equals(o.path("state").asText()));

        assertThat(client.post("/trade/pay", buyer, null, Map.of("orderId", orderId)).status()).isEqualTo(400);
        assertThat(client.post("/trade/pay", buyer, "not-a-token;DROP", Map.of("orderId", orderId)).status())
                .isEqualTo(400);
        assertThat(client.post("/trade/pay", buyer, java.util.UUID.randomUUID().toString(),
                Map.of("orderId", orderId)).code()).isEqualTo("DUPLICATE_REQUEST");
        assertThat(client.post("/trade/pay", buyer, client.token(buyer, "buy"), Map.of("orderId", orderId)).code())
                .as("a buy token is not a pay token").isEqualTo("DUPLICATE_REQUEST");
        String stranger = client.newBuyer();
        assertThat(client.post("/trade/pay", buyer, client.token(stranger, "pay"), Map.of("orderId", orderId))
                .code()).as("another buyer's token").isEqualTo("DUPLICATE_REQUEST");
        assertThat(client.get("/trade/orders/" + orderId, buyer).data().path("state").asText()).isEqualTo("CREATED");
    }

    private HttpResponse<String> payRaw(String session, String token, String orderId)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/trade/pay"))
                .header("Content-Type", "application/json").header("tradekit-token", session)
                .header("Idempotency-Key", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"orderId\":\"" + orderId + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
