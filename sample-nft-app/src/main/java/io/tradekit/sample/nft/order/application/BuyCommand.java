package io.tradekit.sample.nft.order.application;

import java.math.BigDecimal;

/**
 * A buy: the buyer comes from the session, the identifier from the spent anti-duplicate token.
 *
 * @param buyerId       the buyer
 * @param collectionId  the collection
 * @param quantity      1 to 10
 * @param expectedPrice the unit price the buyer saw
 * @param identifier    the anti-duplicate token spent by this request
 */
public record BuyCommand(long buyerId, Long collectionId, Integer quantity, BigDecimal expectedPrice,
                         String identifier) {
}
