package io.tradekit.idempotent.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Says which user a request belongs to, so that {@link IdempotentTokenHandlerInterceptor} and the token
 * endpoint bind tokens to that user; implement it on your authentication (the SSO starter does).
 * Without one, tokens are unbound. Never derive the owner from a request parameter or header the
 * client chooses freely.
 */
@FunctionalInterface
public interface IdempotentOwnerResolver {

    /** The resolver of applications without users: every token is unbound. */
    IdempotentOwnerResolver NONE = request -> null;

    /**
     * The authenticated user's id.
     *
     * @param request the current request
     * @return the user id, or {@code null} when the request is anonymous
     */
    String resolveOwner(HttpServletRequest request);
}
