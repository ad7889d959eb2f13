package io.tradekit.sample.nft.onboarding.domain;

/** The part a {@link RelatedPerson} plays for the company. */
public enum PersonRole {
    /** 法人. */
    LEGAL_REPRESENTATIVE,
    /** 受益人. */
    BENEFICIAL_OWNER
}
