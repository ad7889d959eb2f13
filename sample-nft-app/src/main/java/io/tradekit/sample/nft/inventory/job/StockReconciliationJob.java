package io.tradekit.sample.nft.inventory.job;

import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.sample.nft.inventory.application.Drift;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares Redis stock and records with the DB stock and flows of every collection and reports drift
 * (WARN per collection). Orders in flight between the Redis deduction and the DB consumer show as a
 * short-lived drift; a drift that stays is what to look at. One instance of the cluster runs it at a time
 * (lock {@value #LOCK}): every instance would report the same drifts, N times the WARN lines and the reads.
 */
@Component
public class StockReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(StockReconciliationJob.class);

    /** The job's lock name (shared.job). */
    static final String LOCK = "stock-reconciliation";

    private final InventoryService inventory;

    public StockReconciliationJob(InventoryService inventory) {
        this.inventory = inventory;
    }

    /** Runs every {@code sample.inventory.reconcile-interval} (default 5 minutes). */
    @Scheduled(fixedDelayString = "${sample.inventory.reconcile-interval:PT5M}",
            initialDelayString = "${sample.inventory.reconcile-interval:PT5M}")
    // At most 10 minutes: a pass reads Redis and the flows of every stocked collection (seconds here; more
    // with many collections). At least 4 minutes, under the 5-minute interval: one pass per interval in the
    // cluster, not one per instance.
    @SchedulerLock(name = LOCK,
            lockAtMostFor = "${sample.jobs.stock-reconciliation.lock-at-most-for:PT10M}",
            lockAtLeastFor = "${sample.jobs.stock-reconciliation.lock-at-least-for:PT4M}")
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
