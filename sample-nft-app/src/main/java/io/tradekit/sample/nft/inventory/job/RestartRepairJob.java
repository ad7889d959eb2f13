package io.tradekit.sample.nft.inventory.job;

import io.tradekit.sample.nft.inventory.application.Drift;
import io.tradekit.sample.nft.inventory.application.ReconcileMode;
import io.tradekit.sample.nft.inventory.application.ReconcileProperties;
import io.tradekit.sample.nft.inventory.application.RestartRecovery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * After a Redis restart (the stock fence closed, {@link RestartRecovery}), repairs the stock at once rather than at the
 * next 5-minute pass, and lifts the fence when a repair pass and a dry run after it find everything
 * settled. Waits {@code sample.inventory.restart-guard.settle} (default 30 s) after the restart first:
 * orders whose Redis deduction was lost but whose message was committed reach the DB through the
 * consumer, and only then can the repair write their records back; a consumer slower than that shows up
 * in a later pass as a conflict (ERROR audit line, meter outcome CONFLICT), which the fence no longer
 * prevents. In {@code report} mode it only reports, and the fence stays closed until an operator repairs.
 */
@Component
public class RestartRepairJob {

    private static final Logger log = LoggerFactory.getLogger(RestartRepairJob.class);

    private final RestartRecovery guard;
    private final StockReconciliationJob reconciliation;
    private final ReconcileProperties properties;
    private final Duration settle;

    public RestartRepairJob(RestartRecovery guard, StockReconciliationJob reconciliation,
                            ReconcileProperties properties,
                            @Value("${sample.inventory.restart-guard.settle:PT30S}") Duration settle) {
        this.guard = guard;
        this.reconciliation = reconciliation;
        this.properties = properties;
        this.settle = settle;
    }

    /** Every {@code sample.inventory.restart-guard.repair-interval} (default 2 s): nothing unless fenced. */
    @Scheduled(fixedDelayString = "${sample.inventory.restart-guard.repair-interval:PT2S}")
    @SchedulerLock(name = "stock-restart-repair", lockAtMostFor = "PT10M")
    public void repairAfterRestart() {
        Optional<String> due = guard.due(settle);
        if (due.isEmpty()) {
            return;
        }
        String repairedOn = due.get();
        Optional<List<Drift>> repaired = reconciliation.runOnce(properties.getMode());
        if (repaired.isEmpty() || properties.getMode() != ReconcileMode.REPAIR
                || !repaired.get().stream().allMatch(Drift::settled)) {
            return;
        }
        // A dry run after the repair: the fence opens only on a stock with nothing left to repair.
        Optional<List<Drift>> left = reconciliation.runOnce(ReconcileMode.REPORT);
        if (left.isPresent() && left.get().stream().allMatch(Drift::nothingToRepair) && guard.lift(repairedOn)) {
            long units = repaired.get().stream().flatMap(d -> d.repairs().stream()).count();
            log.warn("Redis stock repaired after its restart ({} repairs): buys resume", units);
        }
    }
}
