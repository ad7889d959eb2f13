/**
 * Auto-configuration of idempotent tokens: {@link io.tradekit.idempotent.autoconfigure.IdempotentTokenAutoConfiguration}
 * and {@link io.tradekit.idempotent.autoconfigure.IdempotentTokenProperties} ({@code tradekit.idempotent.*}).
 */
package io.tradekit.idempotent.autoconfigure;
