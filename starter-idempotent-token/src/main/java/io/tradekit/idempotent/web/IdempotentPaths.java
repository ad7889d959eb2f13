package io.tradekit.idempotent.web;

import jakarta.servlet.http.HttpServletRequest;

/** The path a request is matched on: the container's decoded, normalised servlet path plus path info. */
final class IdempotentPaths {

    private IdempotentPaths() {
    }

    /** The path the container matches filter mappings against, never empty. */
    static String pathWithinApplication(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }
}
