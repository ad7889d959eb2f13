package io.tradekit.sample.nft.onboarding.domain.rule;

/** The result of one check, worst last. */
public enum CheckOutcome {
    PASS,
    WARN,
    FAIL,
    /** The check could not be made (e.g. the registry did not answer): no decision is possible. */
    BLOCKED
}
