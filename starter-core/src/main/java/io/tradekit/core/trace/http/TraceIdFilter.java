package io.tradekit.core.trace.http;

import io.tradekit.core.trace.TraceId;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every HTTP request a trace id for its whole run: the client's {@value #HEADER} when it is
 * {@link TraceId#isWellFormedExternal well formed} (16 to 64 hex characters), a new id otherwise (absent,
 * oversized, CR/LF, anything not hex). The id is in the MDC while the request runs — so every log line of
 * the request, and the Dubbo calls and messages it makes, carry it — and in the response header
 * {@value #HEADER}, so a client can quote it.
 *
 * <p>The MDC is cleared after the request, also when it fails: a pooled container thread never carries
 * an id into the next request. An error or async dispatch of the same request keeps the id of its
 * first dispatch (held in a request attribute). Register it first, on REQUEST, ASYNC and ERROR dispatches.
 */
public class TraceIdFilter implements Filter {

    /** The request and response header carrying the trace id. */
    public static final String HEADER = "X-Trace-Id";

    /** The request attribute that keeps the id for later dispatches of the same request. */
    public static final String ATTRIBUTE = TraceIdFilter.class.getName() + ".traceId";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse answer)) {
            chain.doFilter(request, response);
            return;
        }
        // Set by this filter on an earlier dispatch only: the attribute is not settable by the client.
        Object earlier = http.getAttribute(ATTRIBUTE);
        String incoming = earlier instanceof String id ? id : http.getHeader(HEADER);
        try (TraceId.Scope scope = TraceId.openExternal(incoming)) {
            String traceId = scope.getTraceId();
            http.setAttribute(ATTRIBUTE, traceId);
            if (!answer.isCommitted()) {
                answer.setHeader(HEADER, traceId);
            }
            chain.doFilter(request, response);
        }
    }
}
