/**
 * tradekit idempotent: one-use anti-duplicate-submission tokens checked and deleted by a Lua script.
 *
 * <p>Not built yet: this module only reserves its coordinates in the build (issue #6).
 */
package io.tradekit.idempotent;
