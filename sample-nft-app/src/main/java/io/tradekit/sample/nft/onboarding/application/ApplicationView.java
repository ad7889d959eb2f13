package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.sample.nft.onboarding.domain.OnboardingApplication;
import io.tradekit.sample.nft.onboarding.domain.Transition;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligence;
import io.tradekit.sample.nft.onboarding.domain.rule.ReviewReport;
import java.time.Instant;
import java.util.List;

/**
 * The pre-review screen of one application: company, persons, the stored review (server-side and
 * third-party results with every exception described, under the rule version it was judged by),
 * the latest recorded due diligence and the recorded transitions.
 */
public record ApplicationView(long id, String appointmentNo, String creditCode, String companyName,
                              String branchCode, String businessType, String channel, String status,
                              Integer ruleVersion, boolean idExpiryFlag, Instant createdAt,
                              List<PersonView> persons, ReviewView review, DueDiligence dueDiligence,
                              List<Transition> transitions) {

    static ApplicationView of(OnboardingApplication a, ReviewReport report, List<Transition> transitions,
                              DueDiligence dueDiligence) {
        return new ApplicationView(a.id(), a.appointmentNo(), a.creditCode(), a.companyName(), a.branchCode(),
                a.businessType(), a.channel(), a.status().name(), a.ruleVersion(), a.idExpiryFlag(), a.createdAt(),
                a.persons().stream().map(PersonView::of).toList(), report == null ? null : ReviewView.of(report),
                dueDiligence, transitions);
    }
}
