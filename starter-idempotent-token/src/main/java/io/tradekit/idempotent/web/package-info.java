/**
 * Servlet side of idempotent tokens: the {@link io.tradekit.idempotent.web.IdempotentTokenHandlerInterceptor}
 * guarding configured URLs after authentication (with the body read-ahead
 * {@link io.tradekit.idempotent.web.IdempotentTokenFilter}), the token endpoint, and the
 * {@link io.tradekit.idempotent.web.IdempotentOwnerResolver} SPI binding tokens to users.
 */
package io.tradekit.idempotent.web;
