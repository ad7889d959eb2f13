package io.tradekit.sample.nft.parameter.domain;

import java.util.Map;

/** An element (要素) of a voucher with its data source and validation rule; see {@link ElementSpec}. */
public record Element(Long id, String voucherCode, String code, String name, String sourceType, String sourcePath,
                      String ruleType, Map<String, String> args, String message) {

    public Element {
        args = args == null ? Map.of() : Map.copyOf(args);
    }

    public Element withId(Long newId) {
        return new Element(newId, voucherCode, code, name, sourceType, sourcePath, ruleType, args, message);
    }
}
