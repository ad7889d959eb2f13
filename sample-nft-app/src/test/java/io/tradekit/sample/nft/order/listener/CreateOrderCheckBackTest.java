package io.tradekit.sample.nft.order.listener;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.stock.StockService;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.sample.nft.order.application.OrderMessages;
import io.tradekit.txmsg.TransactionOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The check-back of a buy whose outcome was not reported (the app "died" between the Redis
 * deduction and the answer to the broker) decides from the real Redis record.
 */
@SampleAppTest
class CreateOrderCheckBackTest {

    @LocalServerPort
    int port;

    @Autowired
    CreateOrderTransaction transaction;

    @Autowired
    InventoryService inventory;

    /** The Redis stock as the inventory keeps it (item {@code nft:<collectionId>}). */
    @Autowired
    StockService redisStock;

    @Test
    void commitsExactlyWhenTheRedisDeductionHappened() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), new BigDecimal("3.00"), 2, false,
                Instant.now().minusSeconds(60));
        String token = UUID.randomUUID().toString();
        OrderMessages.Create payload = new OrderMessages.Create(1L, 42L, collectionId, "Moon", 1,
                new BigDecimal("3.00"), token, Instant.now().toEpochMilli());

        assertThat(transaction.check(payload)).isEqualTo(TransactionOutcome.ROLLBACK);

        inventory.deductCache(collectionId, 42L, token, 1);
        assertThat(transaction.check(payload)).isEqualTo(TransactionOutcome.COMMIT);
        // Replaying the local transaction (a redelivered execute) deducts nothing more.
        assertThat(transaction.execute(payload)).isEqualTo(TransactionOutcome.COMMIT);
        assertThat(redisStock.get("nft:" + collectionId)).hasValue(1);
    }
}
