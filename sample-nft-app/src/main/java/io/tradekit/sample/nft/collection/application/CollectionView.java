package io.tradekit.sample.nft.collection.application;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A collection as buyers browse it (served from the cache: good for pages, never for a buy decision).
 *
 * @param collectionId the id
 * @param name         the name
 * @param cover        the cover image URL
 * @param price        the unit price
 * @param quantity     how many NFTs it has
 * @param saleTime     when buying opens
 * @param bookRequired whether buyers must book first
 * @param state        {@code INIT} or {@code ON_SALE}
 */
public record CollectionView(Long collectionId, String name, String cover, BigDecimal price, int quantity,
                             Instant saleTime, boolean bookRequired, String state) implements Serializable {
}
