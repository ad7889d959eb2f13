package io.tradekit.sample.nft.parameter.domain;

import java.time.Instant;
import java.util.List;

/** One immutable published version of a business type's elements (their ids left out). */
public record RuleSetVersion(String businessType, int version, Instant publishedAt, String publishedBy,
                             List<Element> elements) {

    public RuleSetVersion {
        elements = List.copyOf(elements);
    }
}
