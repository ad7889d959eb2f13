package io.tradekit.sample.nft.inventory.job;

import io.tradekit.sample.nft.inventory.application.Drift;
import io.tradekit.sample.nft.inventory.application.InventoryService;
import io.tradekit.sample.nft.inventory.application.ReconcileMode;
import io.tradekit.sample.nft.inventory.application.StockReconciler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Every reconciliation pass over all sales — scheduled, after a Redis restart, or one-off — runs here,
 * under the ShedLock lock {@value #LOCK} in the shared database with {@code lockAtLeastFor} zero: one
 * repairer at a time in the cluster, and a manual dry run is never kept waiting by the scheduled job's
 * at-least time (which belongs to its own lock, {@code stock-reconciliation}).
 */
@Component
public class StockRepairLock {

    /** The lock every repairer takes. */
    public static final String LOCK = "stock-repair";
    /** A pass reads Redis and the flows of every stocked collection: seconds here, bounded generously. */
    private static final Duration AT_MOST = Duration.ofMinutes(10);

    private final LockingTaskExecutor executor;
    private final InventoryService inventory;
    private final StockReconciler reconciler;

    public StockRepairLock(LockProvider locks, InventoryService inventory, StockReconciler reconciler) {
        this.executor = new DefaultLockingTaskExecutor(locks);
        this.inventory = inventory;
        this.reconciler = reconciler;
    }

    /**
     * One pass over every stocked collection in {@code mode}; empty when another instance (or thread)
     * holds the lock. The drifts found, one per collection that has any.
     */
    public Optional<List<Drift>> reconcileAll(ReconcileMode mode) {
        try {
            LockingTaskExecutor.TaskResult<List<Drift>> result = executor.executeWithLock(() -> pass(mode),
                    new LockConfiguration(Instant.now(), LOCK, AT_MOST, Duration.ZERO));
            return result.wasExecuted() ? Optional.ofNullable(result.getResult()) : Optional.empty();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("stock reconciliation failed", e);
        }
    }

    private List<Drift> pass(ReconcileMode mode) {
        List<Drift> drifts = new ArrayList<>();
        for (Long collectionId : inventory.stockedCollections()) {
            Drift drift = reconciler.reconcile(collectionId, mode);
            if (!drift.none()) {
                drifts.add(drift);
            }
        }
        return drifts;
    }
}
