package io.tradekit.sample.nft.order.domain.validator;

import io.tradekit.sample.nft.order.domain.Buyer;
import io.tradekit.sample.nft.order.domain.Goods;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One buy attempt while it passes the chain. Immutable: a validator that loads something returns a
 * new context with it ({@link #withBuyer}, {@link #withGoods}), so what a later link sees is exactly
 * what the earlier links answered.
 *
 * @param buyerId       the buyer
 * @param collectionId  the collection
 * @param quantity      how many
 * @param expectedPrice the unit price the buyer saw
 * @param now           the time of the buy
 * @param buyer         the buyer as loaded by {@link UserValidator}, or {@code null} before it ran
 * @param goods         the collection as loaded by {@link GoodsValidator}, or {@code null} before it ran
 */
public record BuyContext(long buyerId, long collectionId, int quantity, BigDecimal expectedPrice, Instant now,
                         Buyer buyer, Goods goods) {

    /** The context of a buy at {@code now}, nothing loaded yet. */
    public static BuyContext start(long buyerId, long collectionId, int quantity, BigDecimal expectedPrice,
                                   Instant now) {
        return new BuyContext(buyerId, collectionId, quantity, expectedPrice, now, null, null);
    }

    BuyContext withBuyer(Buyer loaded) {
        return new BuyContext(buyerId, collectionId, quantity, expectedPrice, now, loaded, goods);
    }

    BuyContext withGoods(Goods loaded) {
        return new BuyContext(buyerId, collectionId, quantity, expectedPrice, now, buyer, loaded);
    }
}
