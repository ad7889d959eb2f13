package io.tradekit.sample.nft.onboarding.domain;

import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligence;
import io.tradekit.sample.nft.onboarding.domain.rule.ReviewReport;
import java.time.Instant;
import java.util.List;

/**
 * What the one-click print (一键打印) puts on paper: the application, its pre-review, its due diligence,
 * its history and the officer.
 */
public record Dossier(OnboardingApplication application, ReviewReport review, DueDiligence dueDiligence,
                      List<Transition> transitions, String officerName, String officerBranch, Instant printedAt) {
}
