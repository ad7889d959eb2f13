/**
 * tradekit sso: Sa-Token login by user id, route permissions from properties, Redis-backed sessions
 * shared by every instance, and single sign-on across applications.
 *
 * <p>Applications use {@link io.tradekit.sso.SsoLoginService} (the only place a token is minted),
 * implement {@link io.tradekit.sso.PermissionProvider}, and add rules in code with a
 * {@link io.tradekit.sso.SsoRouteCustomizer}.
 */
package io.tradekit.sso;
