package io.tradekit.sample.nft.inventory.application;

import java.util.List;

/**
 * What the reconciliation of one collection found.
 *
 * @param collectionId       the collection
 * @param redisStock         the Redis stock ({@code -1} when missing)
 * @param dbStock            the DB stock
 * @param flowsWithoutRecord orders with a DB deduction but no Redis deduction record
 */
public record Drift(long collectionId, long redisStock, long dbStock, List<Long> flowsWithoutRecord) {

    /** Whether Redis and the database agree. */
    public boolean none() {
        return redisStock == dbStock && flowsWithoutRecord.isEmpty();
    }
}
