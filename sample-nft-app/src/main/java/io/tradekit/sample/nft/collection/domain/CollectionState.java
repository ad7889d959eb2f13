package io.tradekit.sample.nft.collection.domain;

/** A collection is created, then opened for sale (its stock exists from then on). */
public enum CollectionState {
    INIT, ON_SALE
}
