package io.tradekit.sample.nft.onboarding.domain.staff;

/** What a branch staff member may do. */
public enum StaffRole {
    /** Works the applications of their own branch. */
    OFFICER,
    /** Maintains parameter management (vouchers, elements, rule sets). */
    ADMIN
}
