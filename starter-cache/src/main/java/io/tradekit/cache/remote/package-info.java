/**
 * The choice of the remote level's Redis client ({@code tradekit.cache.remote.client}) and the
 * small interface ({@link io.tradekit.cache.remote.RemoteLevel}) both clients implement.
 */
package io.tradekit.cache.remote;
