package io.tradekit.sample.nft.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.BaseResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a state-changing request (POST, PUT, PATCH, DELETE) that would be authenticated by the login
 * cookie alone unless it carries the header {@value #HEADER} and, when the browser names one, an
 * {@code Origin} of this application. A cross-site page cannot add a custom header without a CORS
 * preflight this application never grants, so a forged form or script is refused (403) before anything
 * runs; the SameSite cookie is the first line, this the second. Requests carrying the token header
 * (curl, Swagger, services) are not cookie-authenticated and pass untouched.
 */
final class CookieCsrfFilter extends OncePerRequestFilter {

    /** The header the pages' script sends with every call. */
    static final String HEADER = "X-Requested-With";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final String tokenName;
    private final ObjectMapper json;

    CookieCsrfFilter(String tokenName, ObjectMapper json) {
        this.tokenName = tokenName;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE.contains(request.getMethod()) || request.getHeader(tokenName) != null || !hasTokenCookie(request)
                || request.getHeader(HEADER) != null && sameOrigin(request)) {
            chain.doFilter(request, response);
            return;
        }
        BaseResponse body = new BaseResponse();
        body.markFailure(CommonErrorCode.FORBIDDEN.getCode(),
                "A cookie-authenticated change needs the " + HEADER + " header from this application's pages.");
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }

    private boolean hasTokenCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (tokenName.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

    /** No Origin (same-origin GET-like navigations of old browsers) passes; a named one must be ours. */
    private static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            return request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
