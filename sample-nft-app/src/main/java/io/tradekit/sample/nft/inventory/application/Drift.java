package io.tradekit.sample.nft.inventory.application;

import java.util.List;

/**
 * What the reconciliation of one collection found.
 *
 * @param collectionId       the collection
 * @param redisStock         the Redis stock ({@code -1} when missing), as read first
 * @param dbStock            the DB stock
 * @param flowsWithoutRecord orders with a DB deduction but no Redis deduction record
 * @param inFlight           Redis deductions without a DB flow that are still young enough to be in flight
 * @param repairs            the repairs planned (dry run) or made, one per drift
 */
public record Drift(long collectionId, long redisStock, long dbStock, List<Long> flowsWithoutRecord, int inFlight,
                    List<Repair> repairs) {

    /** Whether Redis and the database agree: nothing to repair and no deduction in flight. */
    public boolean none() {
        return repairs.isEmpty() && inFlight == 0;
    }

    /** Whether there is nothing to repair (deductions in flight are no drift to repair, only to wait for). */
    public boolean nothingToRepair() {
        return repairs.isEmpty();
    }

    /** Whether every repair of the pass is done (none planned, refused, raced or left to a person). */
    public boolean settled() {
        return repairs.stream().noneMatch(Repair::unsettled);
    }
}
