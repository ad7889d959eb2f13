package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.idempotent.web.IdempotentOwnerResolver;
import io.tradekit.sample.nft.shared.security.CurrentSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Binds anti-duplicate tokens to the session's login id: a token fetched by one buyer cannot be
 * spent by another (the filter answers 409 and leaves it for its owner).
 */
@Component
class SessionTokenOwner implements IdempotentOwnerResolver {

    private final CurrentSession session;

    SessionTokenOwner(CurrentSession session) {
        this.session = session;
    }

    @Override
    public String resolveOwner(HttpServletRequest request) {
        return session.loginId().orElse(null);
    }
}
