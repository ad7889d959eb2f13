package io.tradekit.sample.nft.parameter.domain;

/** A voucher (凭证): a document a business needs, such as the business licence. */
public record Voucher(String code, String name) {
}
