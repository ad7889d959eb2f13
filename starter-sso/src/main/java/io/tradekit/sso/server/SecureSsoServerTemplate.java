package io.tradekit.sso.server;

import cn.dev33.satoken.sso.config.SaSsoServerConfig;
import cn.dev33.satoken.sso.template.SaSsoServerTemplate;
import io.tradekit.sso.session.SecureTokens;

import java.time.Duration;

/**
 * Sa-Token's SSO server template with tradekit's ticket settings: tickets from {@link SecureTokens}
 * (Sa-Token's come from {@code ThreadLocalRandom}) living {@code ticketTimeout}; its own config
 * object, so that no {@code sa-token.sso-server.*} setting (allow-url {@code *}, anonymous clients)
 * widens it.
 */
public class SecureSsoServerTemplate extends SaSsoServerTemplate {

    private final SaSsoServerConfig config = new SaSsoServerConfig();

    public SecureSsoServerTemplate(Duration ticketTimeout) {
        config.setTicketTimeout(Math.max(1, ticketTimeout.toSeconds()));
        config.setAllowAnonClient(false);
        config.setAllowUrl("");
    }

    @Override
    public String randomTicket(Object loginId) {
        return SecureTokens.next();
    }

    @Override
    public SaSsoServerConfig getServerConfig() {
        return config;
    }
}
