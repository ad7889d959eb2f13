package io.tradekit.sample.nft.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.inventory.application.Drift;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.sample.nft.inventory.job.StockReconciliationJob;
import io.tradekit.sample.nft.order.TradingClient;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The reconciliation job reports Redis stock that moved without the database. */
@SampleAppTest
class StockReconciliationTest {

    @LocalServerPort
    int port;

    @Autowired
    InventoryService inventory;

    @Autowired
    StockReconciliationJob job;

    @Test
    void reportsRedisStockThatMovedWithoutTheDatabase() {
        TradingClient client = new TradingClient(port);
        long collectionId = client.openCollection(client.admin(), new BigDecimal("2.00"), 3, false,
                Instant.now().minusSeconds(60));
        assertThat(job.reconcile(collectionId).none()).isTrue();

        // A Redis increase no order explains (e.g. a manual fix gone wrong).
        inventory.restoreCache(collectionId, 1, "stray-increase", 1);

        Drift drift = job.reconcile(collectionId);
        assertThat(drift.none()).isFalse();
        assertThat(drift.redisStock()).isEqualTo(4);
        assertThat(drift.dbStock()).isEqualTo(3);
        assertThat(job.reconcileAll()).extracting(Drift::collectionId).contains(collectionId);
    }
}
