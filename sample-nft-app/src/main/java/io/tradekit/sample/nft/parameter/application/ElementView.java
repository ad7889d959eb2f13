package io.tradekit.sample.nft.parameter.application;

import java.util.Map;

/** An element as administrators see and change it. */
public record ElementView(long id, String voucherCode, String code, String name, String sourceType,
                          String sourcePath, String ruleType, Map<String, String> args, String message) {
}
