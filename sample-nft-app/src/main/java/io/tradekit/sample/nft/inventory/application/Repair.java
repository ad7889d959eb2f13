package io.tradekit.sample.nft.inventory.application;

/**
 * One repair a reconciliation found, planned (dry run) or made.
 *
 * @param kind         what drifted
 * @param collectionId the sale
 * @param orderId      the order of a missing record (0 when none is known: a stray, the stock value)
 * @param identifier   the order's anti-duplicate token (null for the stock value)
 * @param quantity     units of the operation (0 for the stock value)
 * @param before       Redis stock before (or as read, for a plan)
 * @param after        Redis stock after (or as it would be)
 * @param outcome      what happened
 * @param reason       why, in words for the audit line
 */
public record Repair(RepairKind kind, long collectionId, long orderId, String identifier, long quantity, long before,
                     long after, Outcome outcome, String reason) {

    /**
     * PLANNED in a dry run; APPLIED; ALREADY_APPLIED (found done meanwhile); CONFLICT (Redis refused a
     * missing deduction: its unit was sold again; or a DB flow and its Redis record disagree — a person must
     * settle it); RACED (the stock moved
     * between read and compare-and-set: the next pass tries again); MANUAL (not enough known to repair).
     */
    public enum Outcome { PLANNED, APPLIED, ALREADY_APPLIED, CONFLICT, RACED, MANUAL }

    /** Whether this repair leaves something for a later pass or a person. */
    public boolean unsettled() {
        return outcome == Outcome.CONFLICT || outcome == Outcome.RACED || outcome == Outcome.MANUAL
                || outcome == Outcome.PLANNED;
    }
}
