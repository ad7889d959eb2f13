package io.tradekit.sample.nft.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.stock.StockService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A buy whose Redis deduction outcome the order context never learns (the Dubbo call to the inventory
 * times out, injected by {@link LostReplyFilter}): the local transaction reports UNKNOWN, the buyer gets
 * {@code PENDING}, and the real broker's check-back decides from the real Redis record — commit when the
 * deduction ran (the order appears, once), rollback when it never did (no order, no stock moved).
 */
@SampleAppTest
class BuyOutcomeLostTest {

    private static final BigDecimal PRICE = new BigDecimal("4.00");

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
    void deductionRanButItsReplyWasLost_theCheckBackCommitsAndTheOrderAppearsOnce() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, 3, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        String token = client.token(buyer, "buy");
        LostReplyFilter.LOSE_REPLY.add(token);

        TradingClient.Answer bought = client.buy(buyer, token, collectionId, 1, PRICE);

        assertThat(bought.ok()).as(bought.toString()).isTrue();
        assertThat(bought.data().path("status").asText()).isEqualTo("PENDING");
        assertThat(LostReplyFilter.LOST).containsEntry(token, "reply");
        String orderId = bought.data().path("orderId").asText();
        client.awaitOrder(buyer, orderId, o -> "CREATED".equals(o.path("state").asText()));
        assertThat(LostReplyFilter.CHECKED).as("the broker checked back and Redis said deducted")
                .containsEntry(token, true);
        assertThat(orders(token)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_inventory_flow WHERE order_id = ?", Integer.class,
                Long.parseLong(orderId))).isEqualTo(1);
        assertThat(redisStock.get("nft:" + collectionId)).hasValue(2);
        assertThat(inventory.dbStock(collectionId)).isEqualTo(2);
    }

    @Test
    void deductionRequestWasLost_theCheckBackRollsBackAndNothingMoves() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, 3, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        String token = client.token(buyer, "buy");
        LostReplyFilter.LOSE_REQUEST.add(token);

        TradingClient.Answer bought = client.buy(buyer, token, collectionId, 1, PRICE);

        assertThat(bought.ok()).as(bought.toString()).isTrue();
        assertThat(bought.data().path("status").asText()).isEqualTo("PENDING");
        assertThat(LostReplyFilter.LOST).containsEntry(token, "request");
        await("the broker's check-back", () -> LostReplyFilter.CHECKED.containsKey(token));
        assertThat(LostReplyFilter.CHECKED).as("Redis said not deducted").containsEntry(token, false);
        // A rolled-back half message is never delivered: give a (wrong) delivery time to show up anyway.
        long settle = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < settle) {
            assertThat(orders(token)).isZero();
            TradingClient.pause();
        }
        TradingClient.Answer order = client.get("/trade/orders/" + bought.data().path("orderId").asText(), buyer);
        assertThat(order.ok()).isFalse();
        assertThat(redisStock.get("nft:" + collectionId)).hasValue(3);
        assertThat(inventory.dbStock(collectionId)).isEqualTo(3);
        // The same token is spent: the buyer takes a new one and the buy goes through normally.
        TradingClient.Answer again = client.buy(buyer, client.token(buyer, "buy"), collectionId, 1, PRICE);
        assertThat(again.ok()).as(again.toString()).isTrue();
        assertThat(again.data().path("status").asText()).isEqualTo("ACCEPTED");
    }

    private int orders(String identifier) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM nft_order WHERE identifier = ?", Integer.class, identifier);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 30 s");
            }
            TradingClient.pause();
        }
    }
}
