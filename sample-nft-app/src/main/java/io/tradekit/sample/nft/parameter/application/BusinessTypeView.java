package io.tradekit.sample.nft.parameter.application;

import java.util.List;

/** A business type and the vouchers bound to it. */
public record BusinessTypeView(String code, String name, List<String> voucherCodes) {
}
