package io.tradekit.sample.nft.collection.domain;

/**
 * A collection is created, then opened for sale (its stock exists from then on). ON_SALE is final, and the
 * order context keeps an on-sale collection's facts on that ground ({@code OnSaleGoods}): a new state or a
 * price change must drop that cache first.
 */
public enum CollectionState {
    INIT, ON_SALE
}
