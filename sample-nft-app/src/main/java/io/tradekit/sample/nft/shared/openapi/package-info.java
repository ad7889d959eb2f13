/**
 * The OpenAPI document behind {@code /swagger-ui.html}: the session header as a security scheme (the
 * Authorize button), public paths marked as such, and the idempotent-token endpoint the starter serves
 * as a functional route (which springdoc cannot see by itself).
 */
package io.tradekit.sample.nft.shared.openapi;
