package io.tradekit.sample.nft.inventory.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Hears every repair {@link StockReconciler} plans or makes: one audit line per repair on the logger {@code sample.inventory.repair-audit}
 * (what, before, after, why; the order id and its anti-duplicate token, never the buyer), and the counter
 * {@value #METER}{@code {kind, outcome}}. A conflict (a unit sold twice) is an ERROR line.
 */
@Component
class RepairAudit {

    /** Repairs planned or made, by kind and outcome. */
    static final String METER = "sample.inventory.repairs";

    private static final Logger audit = LoggerFactory.getLogger("sample.inventory.repair-audit");

    private final MeterRegistry registry;

    RepairAudit(MeterRegistry registry) {
        this.registry = registry;
    }

    void repaired(ReconcileMode mode, Repair r) {
        String line = "stock repair mode={} kind={} outcome={} collection={} order={} identifier={} quantity={}"
                + " redisStockBefore={} redisStockAfter={} reason=\"{}\"";
        Object[] args = {mode, r.kind(), r.outcome(), r.collectionId(), r.orderId(), r.identifier(), r.quantity(),
                r.before(), r.after(), r.reason()};
        if (r.outcome() == Repair.Outcome.CONFLICT || r.outcome() == Repair.Outcome.MANUAL) {
            audit.error(line, args);
        } else {
            audit.warn(line, args);
        }
        Counter.builder(METER).description("Stock reconciliation repairs, planned (dry run) or made")
                .tag("kind", r.kind().name()).tag("outcome", r.outcome().name())
                .register(registry).increment();
    }
}
