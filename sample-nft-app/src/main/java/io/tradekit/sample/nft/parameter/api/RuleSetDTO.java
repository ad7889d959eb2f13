package io.tradekit.sample.nft.parameter.api;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** An immutable published version of a business type's rule set. */
public record RuleSetDTO(String businessType, int version, Instant publishedAt, String publishedBy,
                         List<ElementDTO> elements) implements Serializable {
}
