package io.tradekit.sample.nft.shared.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Puts {@code X-Content-Type-Options: nosniff} and {@code X-Frame-Options: DENY} on every answer,
 * before anything else runs, so refusals of filters and interceptors and error pages carry them too:
 * a browser never guesses a JSON answer to be HTML, and no page of the application can be framed
 * (click-jacking). {@code Cache-Control: no-store} on logged-in answers comes from the SSO starter.
 */
final class SecurityHeadersFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("X-Frame-Options", "DENY");
        }
        chain.doFilter(request, response);
    }
}
