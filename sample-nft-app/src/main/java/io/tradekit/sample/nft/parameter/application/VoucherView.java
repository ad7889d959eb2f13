package io.tradekit.sample.nft.parameter.application;

/** A voucher as administrators see it. */
public record VoucherView(String code, String name) {
}
