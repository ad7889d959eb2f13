package io.tradekit.sample.nft.user.infrastructure;

import io.tradekit.sample.nft.shared.security.AccountRoles;
import io.tradekit.sample.nft.user.domain.UserRepository;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Buyers' roles for the SSO route rules: {@code ADMIN} or {@code CUSTOMER}, from the user table. */
@Component
class UserAccountRoles implements AccountRoles {

    private final UserRepository users;

    UserAccountRoles(UserRepository users) {
        this.users = users;
    }

    @Override
    public String loginIdPrefix() {
        return "user:";
    }

    @Override
    public Set<String> roles(long accountId) {
        return users.findById(accountId).map(user -> Set.of(user.role().name())).orElse(Set.of());
    }
}
