package io.tradekit.facade.dubbo.api;

/** Validation group for premium orders: a coupon code is required. */
public interface Premium {
}
