/**
 * The token store SPI ({@link io.tradekit.idempotent.store.IdempotentTokenStore}) and its Redis
 * implementation on one shared Lettuce connection ({@link io.tradekit.idempotent.store.LettuceTokenStore}).
 */
package io.tradekit.idempotent.store;
