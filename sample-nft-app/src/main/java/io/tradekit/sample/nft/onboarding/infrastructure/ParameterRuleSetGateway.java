package io.tradekit.sample.nft.onboarding.infrastructure;

import io.tradekit.sample.nft.onboarding.domain.rule.RuleDefinition;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleSet;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleSetGateway;
import io.tradekit.sample.nft.onboarding.domain.rule.RuleType;
import io.tradekit.sample.nft.onboarding.domain.rule.SourceType;
import io.tradekit.sample.nft.parameter.api.RuleSetDTO;
import io.tradekit.sample.nft.parameter.application.RuleSetQueryService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link RuleSetGateway} over parameter management's published (and cached) rule sets. */
@Component
class ParameterRuleSetGateway implements RuleSetGateway {

    private final RuleSetQueryService ruleSets;

    ParameterRuleSetGateway(RuleSetQueryService ruleSets) {
        this.ruleSets = ruleSets;
    }

    @Override
    public Optional<RuleSet> latest(String businessType) {
        return Optional.ofNullable(ruleSets.latest(businessType)).map(ParameterRuleSetGateway::toRuleSet);
    }

    @Override
    public Optional<RuleSet> version(String businessType, int version) {
        return Optional.ofNullable(ruleSets.version(businessType, version)).map(ParameterRuleSetGateway::toRuleSet);
    }

    private static RuleSet toRuleSet(RuleSetDTO dto) {
        return new RuleSet(dto.businessType(), dto.version(), dto.elements().stream()
                .map(e -> new RuleDefinition(e.voucherCode(), e.code(), e.name(), SourceType.valueOf(e.sourceType()),
                        e.sourcePath(), RuleType.valueOf(e.ruleType()), e.args(), e.message()))
                .toList());
    }
}
