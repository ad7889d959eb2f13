package io.tradekit.sample.nft.order.domain;

/** Unique order ids across every instance of the application. */
public interface OrderIdGenerator {

    long nextId();
}
