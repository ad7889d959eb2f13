package io.tradekit.sample.nft.onboarding.domain;

/**
 * Where an {@link OnboardingApplication} stands: submitted → pre-review → due diligence → ready to
 * print → archived, with rejected (final) and returned-for-correction on the side.
 */
public enum ApplicationStatus {
    SUBMITTED,
    PRE_REVIEW,
    DUE_DILIGENCE,
    READY_TO_PRINT,
    ARCHIVED,
    REJECTED,
    RETURNED;

    /** Whether an officer of the branch still has to act on an application in this state. */
    public boolean awaitsOfficer() {
        return this != ARCHIVED && this != REJECTED && this != RETURNED;
    }
}
