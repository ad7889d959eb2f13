package io.tradekit.sample.nft.onboarding.domain.rule;

/** Where an element's value comes from. */
public enum SourceType {
    /** A field of the application: {@code creditCode}, {@code companyName}, {@code appointmentNo}, {@code branchCode}. */
    APPLICATION,
    /** A field of each matching person: {@code <ROLE|ANY>.<name|nationality|idType|idNumber|age|idExpiry>}. */
    PERSON,
    /** A third-party answer: {@code registry.status}, {@code registry.name}. */
    THIRD_PARTY,
    /** The path itself is the value. */
    CONSTANT
}
