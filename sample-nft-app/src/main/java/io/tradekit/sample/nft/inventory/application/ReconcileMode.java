package io.tradekit.sample.nft.inventory.application;

/** What a reconciliation pass does with the drift it finds ({@code sample.inventory.reconcile.mode}). */
public enum ReconcileMode {
    /** A dry run: every repair it would make is logged and counted as planned; nothing changes. */
    REPORT,
    /** Every repair is made (each idempotent or compare-and-set), logged and counted. */
    REPAIR
}
