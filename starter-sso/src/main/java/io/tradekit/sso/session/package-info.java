/**
 * What tradekit puts into Sa-Token's session layer: secure random tokens and tickets, a JSON
 * serializer that only revives known types, and the {@link io.tradekit.sso.PermissionProvider}
 * adapter with its per-session cache.
 */
package io.tradekit.sso.session;
