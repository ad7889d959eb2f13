/**
 * tradekit cache: JetCache two-level cache (Caffeine + Redis), wired.
 *
 * <p>Not built yet: this module only reserves its coordinates in the build (issue #5).
 */
package io.tradekit.cache;
