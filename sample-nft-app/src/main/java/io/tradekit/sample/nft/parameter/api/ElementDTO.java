package io.tradekit.sample.nft.parameter.api;

import java.io.Serializable;
import java.util.Map;

/**
 * One element (要素) of a voucher as published in a rule set: where its value comes from and which
 * validation rule checks it. Source and rule vocabularies are listed in {@code ElementSpec}.
 */
public record ElementDTO(String voucherCode, String code, String name, String sourceType, String sourcePath,
                         String ruleType, Map<String, String> args, String message) implements Serializable {
}
