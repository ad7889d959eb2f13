package io.tradekit.sample.nft.onboarding.domain.diligence;

import io.tradekit.sample.nft.onboarding.domain.rule.CheckOutcome;

/**
 * One thing to verify, derived from one element of the pre-review's rule set.
 *
 * @param code       the element's code (unique within the rule set)
 * @param voucher    the voucher (凭证) the element belongs to, e.g. {@code BUSINESS_LICENSE}
 * @param label      what to verify, from the element's name
 * @param preReview  the worst pre-review outcome of the element, {@code null} when it produced no result
 */
public record ChecklistItem(String code, String voucher, String label, CheckOutcome preReview) {
}
