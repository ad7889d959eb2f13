package io.tradekit.sample.nft.onboarding.domain.rule;

import java.util.Optional;

/** Port: the versioned rule sets kept by parameter management. */
public interface RuleSetGateway {

    /** The newest version for the business type. */
    Optional<RuleSet> latest(String businessType);

    /** Exactly that version, as it was published. */
    Optional<RuleSet> version(String businessType, int version);
}
