/**
 * Trace ids that tie together the log lines of one request across threads and services.
 *
 * <p>{@link io.tradekit.core.trace.TraceId} keeps the current id in the SLF4J MDC under
 * {@link io.tradekit.core.trace.TraceId#KEY}, validates ids received from other systems, and
 * scopes an id to a block of code with {@link io.tradekit.core.trace.TraceId.Scope}.
 */
package io.tradekit.core.trace;
