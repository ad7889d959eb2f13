package io.tradekit.sample.nft.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.devservices.DevServices;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.stock.StockService;
import io.tradekit.sample.nft.inventory.job.StockReconciliationJob;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 20 item 6: the stock of a cancelled order comes back within the message round trip, not when
 * the consumer next polls the name server. Runs first in the JVM ({@code @Order(1)}): its buy and cancel
 * are the first sends to their topics, the case that took 20-60 s while the topics were created on the
 * first send.
 */
@SampleAppTest
@Order(1)
class CancelStockReturnTest {

    private static final BigDecimal PRICE = new BigDecimal("3.00");
    /** Far below the 20-60 s of a consumer that learns its topic's route late; far above a round trip. */
    private static final Duration ROUND_TRIP = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Value("${tradekit.txmsg.topics}")
    String[] txTopics;

    @Autowired
    InventoryService inventory;

    /** The Redis stock as the inventory keeps it (item {@code nft:<collectionId>}). */
    @Autowired
    StockService redisStock;

    @Autowired
    StockReconciliationJob reconciliation;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyTopicTheOrderContextSendsToIsRoutedBeforeItsFirstMessage() {
        assertThat(txTopics).containsExactlyInAnyOrder("nft-order-create", "nft-order-cancel");
        for (String topic : txTopics) {
            assertThat(DevServices.rocketMq().hasRoute(topic)).as("route of %s", topic).isTrue();
        }
    }

    @Test
    void cancelGivesRedisAndDbStockBackWithinTheMessageRoundTrip() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, 5, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        TradingClient.Answer bought = client.buy(buyer, client.token(buyer, "buy"), collectionId, 3, PRICE);
        assertThat(bought.ok()).as(bought.toString()).isTrue();
        String orderId = bought.data().path("orderId").asText();
        await("order " + orderId + " CREATED", () -> "CREATED".equals(
                client.get("/trade/orders/" + orderId, buyer).data().path("state").asText()));
        assertStock(collectionId, 2);

        TradingClient.Answer cancelled = client.post("/trade/cancel", buyer, Map.of("orderId", orderId));
        assertThat(cancelled.ok()).as(cancelled.toString()).isTrue();
        await("stock of order " + orderId + " back", () -> inventory.dbStock(collectionId) == 5
                && redisStock.get("nft:" + collectionId).orElse(-1) == 5);

        assertStock(collectionId, 5);
        assertThat(reconciliation.reconcile(collectionId).none()).as("no drift").isTrue();
        assertThat(jdbc.queryForList("SELECT change_type FROM nft_inventory_flow WHERE order_id = ? ORDER BY id",
                String.class, Long.parseLong(orderId))).as("one deduction, one restore").hasSize(2)
                .containsExactly("DEDUCT", "RESTORE");
    }

    private void assertStock(long collectionId, long expected) {
        assertThat(inventory.dbStock(collectionId)).as("DB stock").isEqualTo(expected);
        assertThat(redisStock.get("nft:" + collectionId)).as("Redis stock").hasValue(expected);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + ROUND_TRIP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + ROUND_TRIP);
            }
            TradingClient.pause();
        }
    }
}
