/**
 * What both remote levels share: the choice of client ({@link io.tradekit.cache.remote.RemoteClient}),
 * the interface each level implements ({@link io.tradekit.cache.remote.RemoteLevel}), the breaker that
 * skips a failing Redis ({@link io.tradekit.cache.remote.RemoteBreaker}) and the raw-bytes broadcast
 * channel ({@link io.tradekit.cache.remote.RawBytesBroadcastManager}). The clients live in
 * {@code redisson/} and {@code lettuce/}.
 */
package io.tradekit.cache.remote;
