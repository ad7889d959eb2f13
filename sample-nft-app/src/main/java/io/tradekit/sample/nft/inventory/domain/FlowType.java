package io.tradekit.sample.nft.inventory.domain;

/** A change of DB stock: deducted for an order, or restored when it is cancelled or closed. */
public enum FlowType {
    DEDUCT, RESTORE
}
