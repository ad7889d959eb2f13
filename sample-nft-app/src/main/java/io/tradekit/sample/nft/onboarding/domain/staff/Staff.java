package io.tradekit.sample.nft.onboarding.domain.staff;

import java.util.Set;

/** A branch staff member; logs in as {@code "staff:<id>"}. */
public record Staff(long id, String loginName, String name, String branchCode, Set<StaffRole> roles,
                    String passwordHash) {

    public Staff {
        roles = Set.copyOf(roles);
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }
}
