/**
 * The remote level on the application's Redisson client ({@code tradekit.cache.remote.client=redisson},
 * the default): JetCache's Redisson remote cache behind the level's
 * {@link io.tradekit.cache.remote.RemoteBreaker}, and a broadcast channel that works whatever codec
 * the client has ({@link io.tradekit.cache.redisson.RedissonRemoteLevel} is the entry point).
 */
package io.tradekit.cache.redisson;
