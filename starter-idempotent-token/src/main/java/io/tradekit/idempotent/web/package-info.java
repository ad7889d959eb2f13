/**
 * Servlet side of idempotent tokens: the {@link io.tradekit.idempotent.web.IdempotentTokenFilter}
 * guarding configured URLs, the token endpoint, and the
 * {@link io.tradekit.idempotent.web.IdempotentOwnerResolver} SPI binding tokens to users.
 */
package io.tradekit.idempotent.web;
