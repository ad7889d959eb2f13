package io.tradekit.sample.nft.order.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order of NFTs of one collection.
 *
 * @param id             the snowflake id
 * @param buyerId        the buyer
 * @param collectionId   the collection
 * @param collectionName the collection's name when bought
 * @param quantity       how many
 * @param unitPrice      the price when bought
 * @param amount         {@code unitPrice × quantity}
 * @param identifier     the anti-duplicate token the buy spent (one order per token)
 * @param state          the state
 * @param payNo          the payment channel's reference, once paid
 * @param createdAt      when the buy was accepted
 * @param paidAt         when it was paid, or {@code null}
 * @param buyTraceId     the trace id of the HTTP buy that created it ({@code X-Trace-Id}), or {@code null}
 */
public record Order(long id, long buyerId, long collectionId, String collectionName, int quantity,
                    BigDecimal unitPrice, BigDecimal amount, String identifier, OrderState state, String payNo,
                    Instant createdAt, Instant paidAt, String buyTraceId) {
}
