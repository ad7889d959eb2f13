package io.tradekit.sso;

import java.util.Collection;
import java.util.List;

/**
 * The application's answer to "what may this user do": the permissions and roles of one user id,
 * asked once per login session (the answer is cached in the user's Sa-Token session in Redis until
 * {@link SsoLoginService#refreshPermissions(String)} or logout).
 *
 * <p>Route rules from {@code tradekit.sso.routes} and {@link SsoRouteCustomizer} check against it.
 * Without a bean of this type every user has no permission and no role.
 */
public interface PermissionProvider {

    /** Nobody has anything: the default when the application declares no provider. */
    PermissionProvider NONE = new PermissionProvider() {
        @Override
        public Collection<String> permissions(String userId) {
            return List.of();
        }

        @Override
        public Collection<String> roles(String userId) {
            return List.of();
        }
    };

    /**
     * The permissions of a logged-in user.
     *
     * @param userId the id given to {@link SsoLoginService#login(String)}, never null
     * @return the permission codes (e.g. {@code admin}, {@code user:read}); never null
     */
    Collection<String> permissions(String userId);

    /**
     * The roles of a logged-in user.
     *
     * @param userId the id given to {@link SsoLoginService#login(String)}, never null
     * @return the role codes; never null
     */
    Collection<String> roles(String userId);
}
