package io.tradekit.sample.nft.inventory.job;

import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.sample.nft.inventory.application.Drift;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares Redis stock and records with the DB stock and flows of every collection and reports drift
 * (WARN per collection). Orders in flight between the Redis deduction and the DB consumer show as a
 * short-lived drift; a drift that stays is what to look at.
 */
@Component
public class StockReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(StockReconciliationJob.class);

    private final InventoryService inventory;

    public StockReconciliationJob(InventoryService inventory) {
        this.inventory = inventory;
    }

    /** Runs every {@code sample.inventory.reconcile-interval} (default 5 minutes). */
    @Scheduled(fixedDelayString = "${sample.inventory.reconcile-interval:PT5M}",
            initialDelayString = "${sample.inventory.reconcile-interval:PT5M}")
    public void run() {
        reconcileAll();
    }

    /** Reconciles every collection with stock and returns the drifts found. */
    public List<Drift> reconcileAll() {
        List<Drift> drifts = new ArrayList<>();
        for (Long collectionId : inventory.stockedCollections()) {
            Drift drift = inventory.reconcile(collectionId);
            if (!drift.none()) {
                log.warn("Stock drift on collection {}: redis={} db={} dbDeductionsWithoutRedisRecord={}",
                        collectionId, drift.redisStock(), drift.dbStock(), drift.flowsWithoutRecord().size());
                drifts.add(drift);
            }
        }
        return drifts;
    }

    /** Reconciles one collection. */
    public Drift reconcile(long collectionId) {
        return inventory.reconcile(collectionId);
    }
}
