package io.tradekit.idempotent.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.cors.CorsUtils;

import java.io.IOException;
import java.util.Objects;

/**
 * Reads ahead the body of requests to the guarded URLs that carry a token, at most
 * {@code maxBodySize} bytes, so that {@link IdempotentTokenHandlerInterceptor} can fingerprint it
 * before the controller runs and the controller still reads it whole. It answers nothing itself:
 * every refusal (missing token, body too large, 401 of the login check before it) comes from the
 * Spring MVC interceptors, after authentication. The container maps it to the configured patterns.
 *
 * <p>Forms are fingerprinted from their parameters and multipart bodies are refused by the
 * interceptor, so neither is read here (the container must parse them itself).
 */
public class IdempotentTokenFilter implements Filter {

    /** Request attribute holding the read-ahead {@link CachedBodyRequest}. */
    static final String BODY_ATTRIBUTE = IdempotentTokenFilter.class.getName() + ".BODY";

    private final String header;
    private final int maxBodySize;

    /**
     * Creates the filter.
     *
     * @param header      the request header carrying the token; requests without it are not read
     * @param maxBodySize the most body bytes kept in memory per request, positive
     */
    public IdempotentTokenFilter(String header, int maxBodySize) {
        this.header = Objects.requireNonNull(header, "header");
        if (maxBodySize <= 0 || maxBodySize == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBodySize must be positive and below 2 GiB: " + maxBodySize);
        }
        this.maxBodySize = maxBodySize;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && request.getHeader(header) != null
                && !CorsUtils.isPreFlightRequest(request)
                && !RequestFingerprint.isForm(request) && !RequestFingerprint.isMultipart(request)) {
            CachedBodyRequest cached = CachedBodyRequest.readAhead(request, maxBodySize);
            cached.setAttribute(BODY_ATTRIBUTE, cached);
            chain.doFilter(cached, res);
            return;
        }
        chain.doFilter(req, res);
    }
}
