package io.tradekit.sample.nft.web.security;

import io.tradekit.sample.nft.web.page.PagePaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts a strict Content-Security-Policy on every page: scripts and styles only from this application's
 * own files (no inline script, no {@code eval}), so text that slipped through escaping still could not
 * run; images may come from any HTTPS address (collection covers are URLs). Pages only: Swagger UI,
 * under its own paths, needs inline code.
 */
final class ContentSecurityPolicyFilter extends OncePerRequestFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PagePaths.isPage(path)) {
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("Referrer-Policy", "same-origin");
        }
        chain.doFilter(request, response);
    }
}
