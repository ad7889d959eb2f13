/**
 * The two-level cache (tradekit-cache / JetCache) against raw baselines: a local hit through
 * {@code @Cached} against an {@code @Around} aspect over a raw Caffeine cache, a remote hit against
 * {@code redis-benchmark} GET of the same key, and the H2 loader for scale.
 */
package io.tradekit.benchmarks.cache;
