package io.tradekit.sample.nft.inventory.application;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code sample.inventory.reconcile.*}: what the stock reconciliation does with drift, see {@link StockReconciler}. */
@ConfigurationProperties("sample.inventory.reconcile")
public class ReconcileProperties {

    /** Whether a pass repairs drift ({@code repair}) or only reports what it would repair ({@code report}). */
    private ReconcileMode mode = ReconcileMode.REPAIR;

    /**
     * Age (Redis clock) after which a Redis deduction without a DB flow is given back. Until then its order
     * may still come: the broker checks an undecided half message back up to 15 times a minute apart in
     * production (about 15 minutes), then the consumer may lag and retry. 30 minutes covers both.
     */
    private Duration strayAfter = Duration.ofMinutes(30);

    public ReconcileMode getMode() {
        return mode;
    }

    public void setMode(ReconcileMode mode) {
        this.mode = mode;
    }

    public Duration getStrayAfter() {
        return strayAfter;
    }

    public void setStrayAfter(Duration strayAfter) {
        this.strayAfter = strayAfter;
    }
}
