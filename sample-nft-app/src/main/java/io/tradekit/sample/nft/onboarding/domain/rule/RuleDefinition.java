package io.tradekit.sample.nft.onboarding.domain.rule;

import java.util.Map;

/**
 * One element (要素) of a voucher as the rule engine sees it: where its value comes from and which
 * rule checks it. Built from parameter management's data, never hard-coded.
 */
public record RuleDefinition(String voucherCode, String code, String name, SourceType sourceType, String sourcePath,
                             RuleType ruleType, Map<String, String> args, String message) {

    public RuleDefinition {
        args = args == null ? Map.of() : Map.copyOf(args);
    }

    String arg(String key) {
        return args.get(key);
    }
}
