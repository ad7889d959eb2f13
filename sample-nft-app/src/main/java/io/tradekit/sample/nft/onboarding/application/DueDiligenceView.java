package io.tradekit.sample.nft.onboarding.application;

import io.tradekit.sample.nft.onboarding.domain.diligence.ChecklistItem;
import io.tradekit.sample.nft.onboarding.domain.diligence.DueDiligence;
import java.util.List;

/**
 * The due-diligence screen: the checklist to work through (derived from the pre-review's rule set,
 * with each element's pre-review outcome) and the latest recorded due diligence, if any.
 */
public record DueDiligenceView(long applicationId, String status, int ruleVersion, List<ChecklistItem> checklist,
                               DueDiligence latest) {
}
