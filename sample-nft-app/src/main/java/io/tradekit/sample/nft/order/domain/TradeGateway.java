package io.tradekit.sample.nft.order.domain;

/** The user and collection contexts as trading sees them. */
public interface TradeGateway {

    /** The buyer's current state; {@code USER_NOT_ALLOWED} when unknown. */
    Buyer buyer(long userId);

    /** The collection's current sale facts; {@code GOODS_NOT_ON_SALE} when unknown. */
    Goods goods(long collectionId);

    boolean hasBooked(long collectionId, long userId);
}
