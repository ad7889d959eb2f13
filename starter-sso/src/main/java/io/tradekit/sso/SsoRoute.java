package io.tradekit.sso;

import java.util.Objects;

/**
 * One route rule: requests whose path matches {@code pattern} (Spring {@code PathPattern} syntax,
 * e.g. {@code /admin/**}) need a login and, when set, the {@code permission} and the {@code role}.
 * Built from {@code tradekit.sso.routes} or by a {@link SsoRouteCustomizer}.
 *
 * @param pattern    the path pattern, starting with {@code /}
 * @param permission the permission code the user needs, or null
 * @param role       the role code the user needs, or null
 */
public record SsoRoute(String pattern, String permission, String role) {

    /** Checks the pattern and normalises blank codes to null. */
    public SsoRoute {
        Objects.requireNonNull(pattern, "pattern");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with '/': " + pattern);
        }
        permission = blankToNull(permission);
        role = blankToNull(role);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
