package io.tradekit.sample.nft.shared.security;

import cn.dev33.satoken.SaManager;
import io.tradekit.sso.SsoLoginService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@link CurrentSession} on the SSO starter: tokens and sessions live in Redis, so every instance
 * (and every application of the same SSO) knows the caller. The token travels in the
 * {@code tradekit-token} header or the HttpOnly cookie the login sets.
 */
@Component
class SsoCurrentSession implements CurrentSession {

    private final SsoLoginService sso;

    SsoCurrentSession(SsoLoginService sso) {
        this.sso = sso;
    }

    @Override
    public String login(String loginId) {
        return sso.login(loginId);
    }

    @Override
    public Optional<String> loginId() {
        // Outside a web request (jobs, MQ listeners, Dubbo) there is no caller to speak of.
        if (!SaManager.getSaTokenContext().isValid()) {
            return Optional.empty();
        }
        return Optional.ofNullable(sso.currentUserIdOrNull());
    }

    @Override
    public void logout() {
        if (SaManager.getSaTokenContext().isValid()) {
            sso.logout();
        }
    }
}
