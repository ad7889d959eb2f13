package io.tradekit.sample.nft.parameter.domain;

import java.util.List;

/** A business type bound to the vouchers whose elements form its rule set. */
public record BusinessType(String code, String name, List<String> voucherCodes) {

    public BusinessType {
        voucherCodes = List.copyOf(voucherCodes);
    }
}
