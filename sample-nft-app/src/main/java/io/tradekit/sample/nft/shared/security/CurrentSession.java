package io.tradekit.sample.nft.shared.security;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import java.util.Optional;

/**
 * The one seam through which every context learns who is calling and starts or ends a session.
 *
 * <p>Login ids are namespaced strings so buyers and branch staff share one session store without
 * colliding: {@code "user:42"}, {@code "staff:7"}. The id always comes from the session the token
 * names, never from a request body or parameter.
 */
public interface CurrentSession {

    /** Starts a session for the login id and returns the token the client sends back from now on. */
    String login(String loginId);

    /** The login id of the current request's session, empty when the request carries no valid token. */
    Optional<String> loginId();

    /** Ends the current request's session (no-op when there is none). */
    void logout();

    /** The login id of the current request's session, or {@code UNAUTHORIZED}. */
    default String requireLoginId() {
        return loginId().orElseThrow(() -> new BizException(CommonErrorCode.UNAUTHORIZED));
    }
}
