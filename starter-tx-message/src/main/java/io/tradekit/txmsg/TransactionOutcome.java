package io.tradekit.txmsg;

/** The state of a local transaction as reported to the broker. */
public enum TransactionOutcome {
    /** The local transaction took effect: the half message becomes visible to consumers. */
    COMMIT,
    /** The local transaction did not take effect: the half message is discarded. */
    ROLLBACK,
    /** Not known yet: the broker checks back later and {@link LocalTransactionHandler#check} decides. */
    UNKNOWN
}
