package io.tradekit.sso;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The route rules and public paths the {@link SsoRouteCustomizer}s fill, in the order they are
 * checked. A public path only lifts the "logged in" requirement of the catch-all: a route rule that
 * matches a public path still applies.
 */
public final class SsoRouteRegistry {

    private final List<SsoRoute> routes = new ArrayList<>();
    private final List<String> publicPaths = new ArrayList<>();

    /** Requires a login and {@code permission} on {@code pattern}. */
    public SsoRouteRegistry permission(String pattern, String permission) {
        return add(new SsoRoute(pattern, Objects.requireNonNull(permission, "permission"), null));
    }

    /** Requires a login and {@code role} on {@code pattern}. */
    public SsoRouteRegistry role(String pattern, String role) {
        return add(new SsoRoute(pattern, null, Objects.requireNonNull(role, "role")));
    }

    /** Requires a login (and nothing else) on {@code pattern}, even when it is also a public path. */
    public SsoRouteRegistry loginOnly(String pattern) {
        return add(new SsoRoute(pattern, null, null));
    }

    /** Adds a rule. */
    public SsoRouteRegistry add(SsoRoute route) {
        routes.add(Objects.requireNonNull(route, "route"));
        return this;
    }

    /** Lets anonymous requests reach {@code pattern} unless a route rule matches it. */
    public SsoRouteRegistry publicPath(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("public path must start with '/': " + pattern);
        }
        publicPaths.add(pattern);
        return this;
    }

    /** The rules, in order. */
    public List<SsoRoute> routes() {
        return List.copyOf(routes);
    }

    /** The public path patterns. */
    public List<String> publicPaths() {
        return List.copyOf(publicPaths);
    }
}
