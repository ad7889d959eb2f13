package io.tradekit.sample.nft.parameter.application;

import io.tradekit.sample.nft.parameter.api.ElementDTO;
import io.tradekit.sample.nft.parameter.api.RuleSetDTO;
import io.tradekit.sample.nft.parameter.domain.RuleSetVersion;

/** Maps published versions to the {@code api} contract. */
final class RuleSetViews {

    private RuleSetViews() {
    }

    static RuleSetDTO dto(RuleSetVersion v) {
        return new RuleSetDTO(v.businessType(), v.version(), v.publishedAt(), v.publishedBy(), v.elements().stream()
                .map(e -> new ElementDTO(e.voucherCode(), e.code(), e.name(), e.sourceType(), e.sourcePath(),
                        e.ruleType(), e.args(), e.message())).toList());
    }
}
