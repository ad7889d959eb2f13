package io.tradekit.remote.dubbo.api;

/** Validation group for premium orders: a coupon code is required. */
public interface Premium {
}
