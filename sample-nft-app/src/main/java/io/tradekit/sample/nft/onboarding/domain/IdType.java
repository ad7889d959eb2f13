package io.tradekit.sample.nft.onboarding.domain;

/** The kind of identity document of a {@link RelatedPerson}. */
public enum IdType {
    /** Mainland resident identity card, validated with the GB 11643 check digit. */
    MAINLAND_ID,
    PASSPORT,
    /** Mainland travel permit for Hong Kong, Macao or Taiwan residents. */
    HMT_PERMIT
}
