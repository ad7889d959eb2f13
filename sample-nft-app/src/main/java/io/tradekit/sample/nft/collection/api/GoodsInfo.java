package io.tradekit.sample.nft.collection.api;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A collection as the trading side sees it, read from the database.
 *
 * @param collectionId the id
 * @param name         the name
 * @param price        the unit price
 * @param state        {@code INIT} or {@code ON_SALE}
 * @param saleTime     when buying opens
 * @param bookRequired whether only users who booked may buy
 */
public record GoodsInfo(Long collectionId, String name, BigDecimal price, String state, Instant saleTime,
                        boolean bookRequired) implements Serializable {
}
