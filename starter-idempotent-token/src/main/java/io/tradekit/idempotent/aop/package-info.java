/**
 * The {@link io.tradekit.idempotent.IdempotentToken} pipeline: advisor, interceptor, and the
 * per-method operations parsed once at start-up.
 */
package io.tradekit.idempotent.aop;
