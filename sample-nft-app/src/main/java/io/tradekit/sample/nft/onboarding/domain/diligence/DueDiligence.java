package io.tradekit.sample.nft.onboarding.domain.diligence;

import java.time.Instant;
import java.util.List;

/**
 * A recorded due diligence (尽职调查) of one application: the answered checklist under the rule version
 * it was derived from, the findings, the conclusion, who recorded it and when.
 *
 * @param officer the audit name of the officer ({@code staff:<id>(<login>)}), never a client's claim
 */
public record DueDiligence(long applicationId, int ruleVersion, List<ChecklistAnswer> checklist, String findings,
                           DiligenceConclusion conclusion, String officer, Instant recordedAt) {

    public DueDiligence {
        checklist = List.copyOf(checklist);
    }
}
