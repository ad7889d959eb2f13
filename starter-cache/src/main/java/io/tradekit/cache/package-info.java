/**
 * tradekit cache: Alibaba JetCache wired as a two-level cache (Caffeine local + Redis remote on
 * the application's Redisson client, or on a Lettuce connection of its own with
 * {@code tradekit.cache.remote.client=lettuce}) with one dependency and no JetCache YAML.
 *
 * <p>Use JetCache's own annotations ({@code @Cached}, {@code @CacheInvalidate},
 * {@code @CacheUpdate}, {@code @CacheRefresh}, {@code @CachePenetrationProtect}). On top of
 * JetCache: invalidations reach every instance's local copy by default, writes and
 * invalidations inside a transaction wait for its commit, values are Kryo with a class
 * allow-list, nulls are cached briefly, and a failing Redis is skipped rather than waited on.
 */
package io.tradekit.cache;
