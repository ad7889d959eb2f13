/**
 * One-use anti-duplicate-submission tokens: {@link io.tradekit.idempotent.IdempotentTokenService}
 * issues a UUID per page load and spends it, checked and deleted by one Lua script, when the order
 * request arrives; {@link io.tradekit.idempotent.IdempotentToken} does the same on a method.
 */
package io.tradekit.idempotent;
