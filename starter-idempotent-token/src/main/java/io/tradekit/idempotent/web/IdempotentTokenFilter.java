package io.tradekit.idempotent.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

import java.io.IOException;
import java.util.Objects;

/**
 * Prepares requests to the guarded URLs that carry a token for {@link IdempotentTokenHandlerInterceptor}:
 * reads the body ahead (at most {@code maxBodySize} bytes) so that it can be fingerprinted before the
 * controller runs while the controller still reads it whole, and holds the answer back until the
 * request is over, so that its token is spent or given back before the client sees the answer (an
 * immediate retry never finds it still taken). It answers nothing itself: every refusal comes from the
 * Spring MVC interceptors, after authentication. The container maps it to the configured patterns.
 *
 * <p>Forms are fingerprinted from their parameters and multipart bodies are refused by the
 * interceptor, so neither body is read here (the container parses them itself).
 */
public class IdempotentTokenFilter extends OncePerRequestFilter {

    /** Request attribute holding the read-ahead {@link CachedBodyRequest}. */
    static final String BODY_ATTRIBUTE = IdempotentTokenFilter.class.getName() + ".BODY";

    private final String header;
    private final int maxBodySize;

    /**
     * Creates the filter.
     *
     * @param header      the request header carrying the token; requests without it are passed as they are
     * @param maxBodySize the most body bytes kept in memory per request, positive
     */
    public IdempotentTokenFilter(String header, int maxBodySize) {
        this.header = Objects.requireNonNull(header, "header");
        if (maxBodySize <= 0 || maxBodySize == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBodySize must be positive and below 2 GiB: " + maxBodySize);
        }
        this.maxBodySize = maxBodySize;
    }

    /**
     * The body this filter read ahead for the request, so that a check running before the token check
     * (an application interceptor that refuses without spending anything) can look at it without
     * consuming the stream the controller reads.
     *
     * @return a copy of the body, or {@code null} when nothing was read ahead (no token header, a form or
     *         multipart body, another URL) or the body is larger than the cap
     */
    public static byte[] readAheadBody(HttpServletRequest request) {
        if (request.getAttribute(BODY_ATTRIBUTE) instanceof CachedBodyRequest cached) {
            byte[] body = cached.body();
            return body == null ? null : body.clone();
        }
        return null;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        // The answer of an asynchronous handler is released at the end of its async dispatch.
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            chain.doFilter(request, response);
            ContentCachingResponseWrapper held = WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
            if (held != null && !request.isAsyncStarted()) {
                held.copyBodyToResponse();
            }
            return;
        }
        if (request.getHeader(header) == null || CorsUtils.isPreFlightRequest(request)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest prepared = request;
        if (!RequestFingerprint.isForm(request) && !RequestFingerprint.isMultipart(request)) {
            CachedBodyRequest cached = CachedBodyRequest.readAhead(request, maxBodySize);
            cached.setAttribute(BODY_ATTRIBUTE, cached);
            prepared = cached;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(prepared, held);
        if (!prepared.isAsyncStarted()) {
            held.copyBodyToResponse();
        }
    }
}
