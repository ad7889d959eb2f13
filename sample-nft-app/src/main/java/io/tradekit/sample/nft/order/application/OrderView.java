package io.tradekit.sample.nft.order.application;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as its buyer sees it (the id as a string: snowflake ids exceed JavaScript's safe integers).
 *
 * @param orderId        the id
 * @param collectionId   the collection
 * @param collectionName its name
 * @param quantity       how many
 * @param unitPrice      the unit price
 * @param amount         the total
 * @param state          the state
 * @param createdAt      when it was accepted
 * @param paidAt         when it was paid, or {@code null}
 */
public record OrderView(String orderId, long collectionId, String collectionName, int quantity, BigDecimal unitPrice,
                        BigDecimal amount, String state, Instant createdAt, Instant paidAt) {
}
