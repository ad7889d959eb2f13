package io.tradekit.sample.nft.order.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What trading needs to know about a collection, read from its database.
 *
 * @param collectionId the collection
 * @param name         its name
 * @param price        its unit price
 * @param onSale       whether its sale was opened
 * @param saleTime     when buying opens
 * @param bookRequired whether buyers must have booked
 */
public record Goods(long collectionId, String name, BigDecimal price, boolean onSale, Instant saleTime,
                    boolean bookRequired) {
}
