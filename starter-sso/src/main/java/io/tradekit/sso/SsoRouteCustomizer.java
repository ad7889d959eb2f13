package io.tradekit.sso;

/**
 * Adds route rules and public paths in code, after those of {@code tradekit.sso.*}: the seed's
 * {@code SaRouter.match("/user/**", r -> StpUtil.checkPermission("user"))} becomes
 * {@code routes -> routes.permission("/user/**", "user")}. Declare one or more beans.
 */
@FunctionalInterface
public interface SsoRouteCustomizer {

    /**
     * Adds rules to the registry.
     *
     * @param routes the rules collected so far
     */
    void customize(SsoRouteRegistry routes);
}
