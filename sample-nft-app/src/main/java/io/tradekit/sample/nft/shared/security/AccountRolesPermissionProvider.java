package io.tradekit.sample.nft.shared.security;

import io.tradekit.sso.PermissionProvider;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The SSO starter's {@link PermissionProvider} over every context's {@link AccountRoles}: a login id
 * {@code "staff:7"} is answered by the source whose prefix is {@code "staff:"}. Roles only; the
 * sample grants no finer permissions. The starter caches the answer in the session.
 */
@Component
class AccountRolesPermissionProvider implements PermissionProvider {

    private final List<AccountRoles> sources;

    AccountRolesPermissionProvider(List<AccountRoles> sources) {
        this.sources = List.copyOf(sources);
    }

    @Override
    public Collection<String> permissions(String userId) {
        return List.of();
    }

    @Override
    public Collection<String> roles(String userId) {
        for (AccountRoles source : sources) {
            String prefix = source.loginIdPrefix();
            if (userId.startsWith(prefix)) {
                return accountId(userId.substring(prefix.length())).map(source::roles).orElse(Set.of());
            }
        }
        return List.of();
    }

    private static java.util.Optional<Long> accountId(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
