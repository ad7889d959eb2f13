/**
 * tradekit stock: Redis Lua stock deduction with idempotent operation records and a local sold-out flag.
 *
 * <p>Not built yet: this module only reserves its coordinates in the build (issue #7).
 */
package io.tradekit.stock;
