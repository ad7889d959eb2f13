package io.tradekit.sample.nft.inventory.application;

/**
 * The drifts {@link StockReconciler} repairs, each with its source of truth.
 *
 * <ul>
 *   <li>{@link #MISSING_DEDUCTION}, {@link #MISSING_INCREASE}: the database wins. A DB flow is written by
 *       the order consumer only after the Redis operation happened, so a flow without its Redis record
 *       means Redis lost it (a restart from an append-only file); the record and its stock change are
 *       written again with the order's own identifier (idempotent).</li>
 *   <li>{@link #STRAY_DEDUCTION}: the database wins, but only after a window. A Redis deduction without a
 *       DB deduction flow is normal while its order message is in flight (half message awaiting commit or
 *       check-back, consumer lag and retries); older than {@code sample.inventory.reconcile.stray-after}
 *       no order can come any more, and the units go back.</li>
 *   <li>{@link #STOCK_VALUE}: the Redis records win. The Redis stock must be the sale's total minus the
 *       units its records hold (deductions not given back); it is set, with a compare-and-set, when it
 *       is not.</li>
 *   <li>{@link #FLOW_MISMATCH}: no side wins. A DB flow and the Redis record of the same order and operation
 *       both exist but disagree on the quantity (a row altered by hand or by a bug): the flow was written
 *       from the order, the record by the Redis operation itself, so neither can be shown right. Nothing is
 *       overwritten, in either mode: the outcome is {@code CONFLICT} (an ERROR audit line), and like every
 *       conflict it holds back the sale's {@link #STOCK_VALUE} repair until a person has settled it.</li>
 * </ul>
 */
public enum RepairKind {
    MISSING_DEDUCTION,
    MISSING_INCREASE,
    STRAY_DEDUCTION,
    STOCK_VALUE,
    FLOW_MISMATCH
}
