/**
 * The caller side of every Dubbo call: {@link io.tradekit.remote.RemoteCallWrapper} runs a remote
 * call, logs its masked request and response with the elapsed time, records a timer, and turns a
 * failure into a {@link io.tradekit.remote.RemoteCallException}.
 */
package io.tradekit.remote;
