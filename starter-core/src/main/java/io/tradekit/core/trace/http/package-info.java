/**
 * The trace id of an HTTP request: {@link io.tradekit.core.trace.http.TraceIdFilter} takes a well-formed
 * {@code X-Trace-Id} from the client or creates one. Needs {@code jakarta.servlet-api}, an optional
 * dependency of the core.
 */
package io.tradekit.core.trace.http;
