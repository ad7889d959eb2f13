package io.tradekit.sample.nft.collection.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An NFT collection.
 *
 * @param id           the id, {@code null} before it is stored
 * @param name         the name
 * @param cover        the cover image URL
 * @param price        the unit price
 * @param quantity     how many NFTs it has
 * @param saleTime     when buying opens
 * @param bookRequired whether buyers must book first
 * @param state        the state
 * @param createdAt    when it was created
 */
public record Collection(Long id, String name, String cover, BigDecimal price, int quantity, Instant saleTime,
                         boolean bookRequired, CollectionState state, Instant createdAt) {

    /** Whether a user may book it now: booking is open until the sale starts. */
    public boolean bookable(Instant now) {
        return bookRequired && now.isBefore(saleTime);
    }
}
