package io.tradekit.sample.nft.onboarding.domain.rule;

import java.util.List;

/** The rule definitions of one business type at one version. */
public record RuleSet(String businessType, int version, List<RuleDefinition> definitions) {

    public RuleSet {
        definitions = List.copyOf(definitions);
    }
}
