package io.tradekit.sample.nft.inventory.job;

import io.tradekit.sample.nft.inventory.application.Drift;
import io.tradekit.sample.nft.inventory.application.ReconcileMode;
import io.tradekit.sample.nft.inventory.application.ReconcileProperties;
import io.tradekit.sample.nft.inventory.application.StockReconciler;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Compares Redis stock and records with the DB stock and flows of every collection and repairs the drift
 * ({@code sample.inventory.reconcile.mode=repair}, the default) or reports what it would repair
 * ({@code report}), with one audit line per repair and a WARN per collection. Orders in flight between
 * the Redis deduction and the DB consumer are no drift (see {@link StockReconciler}). One instance of the
 * cluster schedules it at a time (lock {@value #LOCK}), and every pass, scheduled or manual, takes the
 * repairers' lock ({@link StockRepairLock}).
 */
@Component
public class StockReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(StockReconciliationJob.class);

    /** The job's lock name (shared.job). */
    static final String LOCK = "stock-reconciliation";

    private final StockRepairLock repairer;
    private final StockReconciler reconciler;
    private final ReconcileProperties properties;

    public StockReconciliationJob(StockRepairLock repairer, StockReconciler reconciler, ReconcileProperties properties) {
        this.repairer = repairer;
        this.reconciler = reconciler;
        this.properties = properties;
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
        runOnce(properties.getMode());
    }

    /**
     * One pass over every collection in {@code mode}, now, under the repairers' lock: what an operator
     * calls for a one-off dry run ({@link ReconcileMode#REPORT}) or repair. Empty when another repairer
     * holds the lock.
     */
    public Optional<List<Drift>> runOnce(ReconcileMode mode) {
        Optional<List<Drift>> drifts = repairer.reconcileAll(mode);
        drifts.ifPresent(found -> found.forEach(drift -> log.warn(
                "Stock drift on collection {} ({}): redis={} db={} dbDeductionsWithoutRedisRecord={} repairs={} settled={}",
                drift.collectionId(), mode, drift.redisStock(), drift.dbStock(), drift.flowsWithoutRecord().size(),
                drift.repairs().size(), drift.settled())));
        return drifts;
    }

    /** Reports (dry run) every collection; the drifts found. Waits for nobody: empty list when locked out. */
    public List<Drift> reconcileAll() {
        return runOnce(ReconcileMode.REPORT).orElse(List.of());
    }

    /** A dry run of one collection (no lock: it changes nothing). */
    public Drift reconcile(long collectionId) {
        return reconciler.reconcile(collectionId, ReconcileMode.REPORT);
    }
}
