package io.tradekit.sample.nft.onboarding.domain.diligence;

/** The officer's conclusion of a due diligence; only {@link #PASS} lets the application be completed. */
public enum DiligenceConclusion {
    /** Every item checked, nothing against the account: the dossier may be printed. */
    PASS,
    /** Something speaks against opening the account: the officer rejects the application. */
    FAIL,
    /** Documents or answers are missing: the officer asks for them (or returns the application). */
    NEEDS_MORE
}
