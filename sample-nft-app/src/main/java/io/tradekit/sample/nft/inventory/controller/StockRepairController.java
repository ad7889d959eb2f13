package io.tradekit.sample.nft.inventory.controller;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.MultiResponse;
import io.tradekit.sample.nft.inventory.application.Drift;
import io.tradekit.sample.nft.inventory.application.ReconcileMode;
import io.tradekit.sample.nft.inventory.job.StockReconciliationJob;
import io.tradekit.sample.nft.inventory.job.StockRepairLock;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import io.tradekit.sample.nft.user.application.UserQueryService;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One reconciliation pass over every stocked sale, now, for an operator: {@code mode=report} is the dry
 * run (the findings, nothing changed), {@code mode=repair} makes the repairs; the answer lists one
 * {@link Drift} per sale that has any, with its repairs and their outcomes. The pass takes the repairers'
 * lock ({@value StockRepairLock#LOCK}) without waiting: while another pass holds it (the schedule, a
 * restart repair, another operator) the answer is 409 {@code LOCK_FAILED} and nothing ran.
 *
 * <p>A POST even for the dry run: it takes a cluster-wide lock and writes audit lines and counters, and
 * the mode is stated every time (no default) so that no one repairs by leaving a parameter out.
 */
@Tag(name = "inventory", description = "Stock reconciliation between Redis and the database (operators)")
@RestController
class StockRepairController {

    private final StockReconciliationJob job;
    private final UserQueryService users;
    private final CurrentSession session;

    StockRepairController(StockReconciliationJob job, UserQueryService users, CurrentSession session) {
        this.job = job;
        this.users = users;
        this.session = session;
    }

    @Operation(summary = "Reconcile the stock once: mode=report (dry run) or mode=repair (admin)")
    @PostMapping("/admin/inventory/stock-repair")
    MultiResponse<Drift> reconcile(@RequestParam(name = "mode") String mode) {
        // The route rule already asks for ADMIN; the application checks again (an inactive admin is refused).
        users.requireAdmin(session.requireLoginId());
        ReconcileMode parsed = parse(mode);
        List<Drift> drifts = job.runOnce(parsed).orElseThrow(() -> new BizException(CommonErrorCode.LOCK_FAILED,
                "Another stock reconciliation pass holds the lock; try again when it has finished."));
        return MultiResponse.of(drifts);
    }

    private static ReconcileMode parse(String mode) {
        String name = mode.toUpperCase(Locale.ROOT);
        for (ReconcileMode known : ReconcileMode.values()) {
            if (known.name().equals(name)) {
                return known;
            }
        }
        throw new BizException(CommonErrorCode.PARAM_INVALID, "mode must be report (dry run) or repair.");
    }
}
