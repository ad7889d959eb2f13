package io.tradekit.sample.nft.onboarding.infrastructure;

import io.tradekit.sample.nft.onboarding.domain.staff.StaffRepository;
import io.tradekit.sample.nft.shared.security.AccountRoles;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Branch staff's roles for the SSO route rules ({@code OFFICER}, {@code ADMIN}), from the staff table. */
@Component
class StaffAccountRoles implements AccountRoles {

    private final StaffRepository staff;

    StaffAccountRoles(StaffRepository staff) {
        this.staff = staff;
    }

    @Override
    public String loginIdPrefix() {
        return "staff:";
    }

    @Override
    public Set<String> roles(long accountId) {
        return staff.find(accountId)
                .map(member -> member.roles().stream().map(Enum::name).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }
}
