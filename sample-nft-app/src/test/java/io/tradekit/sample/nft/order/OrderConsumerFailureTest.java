package io.tradekit.sample.nft.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.stock.StockService;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order consumer fails once (a real database error injected by an H2 trigger, inside the
 * consumer's transaction): the whole write rolls back, the message is retried, and the order,
 * its DB stock deduction and its flow exist exactly once.
 */
@SampleAppTest
class OrderConsumerFailureTest {

    private static final BigDecimal PRICE = new BigDecimal("5.00");

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
    void failedOrderWriteIsRetriedAndHappensOnce() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), PRICE, 3, false, Instant.now().minusSeconds(60));
        String buyer = client.newBuyer();
        String token = client.token(buyer, "buy");
        FailOnceTrigger.ARMED.add(token);
        jdbc.execute("CREATE TRIGGER IF NOT EXISTS nft_order_fail_once BEFORE INSERT, UPDATE ON nft_order FOR EACH ROW CALL '"
                + FailOnceTrigger.class.getName() + "'");
        try {
            TradingClient.Answer bought = client.buy(buyer, token, collectionId, 1, PRICE);
            assertThat(bought.ok()).as(bought.toString()).isTrue();
            String orderId = bought.data().path("orderId").asText();

            client.awaitOrder(buyer, orderId, o -> "CREATED".equals(o.path("state").asText()));

            assertThat(FailOnceTrigger.FIRED).contains(token);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_order WHERE identifier = ?", Integer.class, token))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM nft_inventory_flow WHERE order_id = ?", Integer.class,
                    Long.parseLong(orderId))).isEqualTo(1);
            assertThat(inventory.dbStock(collectionId)).isEqualTo(2);
            assertThat(redisStock.get("nft:" + collectionId)).hasValue(2);
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS nft_order_fail_once");
            FailOnceTrigger.ARMED.remove(token);
        }
    }
}
