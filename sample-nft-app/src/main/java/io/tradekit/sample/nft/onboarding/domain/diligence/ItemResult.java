package io.tradekit.sample.nft.onboarding.domain.diligence;

/** What the officer found for one checklist item. */
public enum ItemResult {
    /** Checked against the original document: it agrees. */
    CONFIRMED,
    /** Checked: it does not agree (a due diligence with a discrepancy cannot pass). */
    DISCREPANCY,
    /** Does not apply to this company (the note says why). */
    NOT_APPLICABLE
}
