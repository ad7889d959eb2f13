package io.tradekit.sample.nft.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.stock.StockService;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A buy whose order can never be written (every consumer write fails): after the retries the message is
 * a dead letter, and the dead-letter hook gives the Redis stock back and ends the accepted order FAILED;
 * the DB stock and the inventory flow never changed.
 */
@SampleAppTest
class PoisonOrderMessageTest {

    private static final BigDecimal PRICE = new BigDecimal("7.00");

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
    void deadLetterGivesTheRedisStockBack() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, 2, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        String token = client.token(buyer, "buy");
        FailOnceTrigger.ALWAYS.add(token);
        jdbc.execute("CREATE TRIGGER IF NOT EXISTS nft_order_fail_always BEFORE INSERT, UPDATE ON nft_order FOR EACH ROW CALL '"
                + FailOnceTrigger.class.getName() + "'");
        try {
            TradingClient.Answer bought = client.buy(buyer, token, collectionId, 1, PRICE);
            assertThat(bought.ok()).as(bought.toString()).isTrue();
            assertThat(redisStock.get("nft:" + collectionId)).hasValue(1);

            // Retries (1 s apart, 5 times), then %DLQ% and the hook once its route is known.
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (System.nanoTime() < deadline && redisStock.get("nft:" + collectionId).orElse(-1) != 2) {
                TradingClient.pause();
            }
            assertThat(redisStock.get("nft:" + collectionId)).hasValue(2);
            assertThat(inventory.dbStock(collectionId)).isEqualTo(2);
            // The accepted order (CREATING since the buy) ends FAILED; it never held DB stock.
            String orderId = bought.data().path("orderId").asText();
            assertThat(jdbc.queryForList("SELECT state FROM nft_order WHERE identifier = ?", String.class, token))
                    .containsExactly("FAILED");
            assertThat(client.get("/trade/orders/" + orderId, buyer).data().path("state").asText())
                    .isEqualTo("FAILED");
            assertThat(jdbc.queryForList("SELECT to_state FROM nft_order_flow WHERE order_id = ? ORDER BY id",
                    String.class, Long.parseLong(orderId))).containsExactly("CREATING", "FAILED");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_inventory_flow WHERE identifier = ?",
                    Integer.class, token)).isZero();
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS nft_order_fail_always");
            FailOnceTrigger.ALWAYS.remove(token);
        }
    }
}
