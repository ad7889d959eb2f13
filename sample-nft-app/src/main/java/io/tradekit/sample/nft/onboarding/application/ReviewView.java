package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.sample.nft.onboarding.domain.registry.RegistryCheck;
import io.tradekit.sample.nft.onboarding.domain.rule.CheckResult;
import io.tradekit.sample.nft.onboarding.domain.rule.ReviewReport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored pre-review, split into our own checks and third-party checks, with its exceptions. */
public record ReviewView(int ruleVersion, String overall, LocalDate reviewDay, Instant reviewedAt,
                         RegistryCheck registry, List<CheckResult> serverResults, List<CheckResult> thirdPartyResults,
                         List<String> exceptions) {

    static ReviewView of(ReviewReport r) {
        return new ReviewView(r.ruleVersion(), r.overall().name(), r.reviewDay(), r.reviewedAt(), r.registry(),
                r.results().stream().filter(c -> !c.thirdParty()).toList(),
                r.results().stream().filter(CheckResult::thirdParty).toList(), r.exceptions());
    }
}
