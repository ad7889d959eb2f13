package io.tradekit.sample.nft.order.api;

import java.time.Instant;

/**
 * Published (as a Spring application event, after the payment's transaction commits) when an
 * order is paid: the chain context mints the order's NFTs on it.
 *
 * @param orderId      the paid order
 * @param buyerId      the user who owns the NFTs from now on
 * @param collectionId the collection the NFTs belong to
 * @param quantity     how many NFTs the order bought
 * @param paidAt       when the payment was confirmed
 * @param buyTraceId   the trace id of the buy that created the order, or {@code null} (older orders)
 */
public record OrderPaidEvent(long orderId, long buyerId, long collectionId, int quantity, Instant paidAt,
                             String buyTraceId) {
}
