package io.tradekit.sample.nft.onboarding.domain.rule;

/** How an element's value is checked, with the arguments each type reads. */
public enum RuleType {
    /** Not blank. */
    REQUIRED,
    /** {@code pattern}: the whole value matches (evaluated with a step budget against ReDoS). */
    REGEX,
    /** {@code min}, {@code max}: an integer within both, inclusive. */
    RANGE,
    /** {@code warnDays}: a date not before the review day; within the window it is a warning. Empty passes (long-term). */
    DATE_NOT_BEFORE,
    /** {@code mode} ALLOW or DENY, {@code values} comma-separated. */
    ENUM,
    /** {@code type} GB32100 (credit code) or GB11643 (mainland ID; other ID types are skipped). */
    CHECKSUM
}
