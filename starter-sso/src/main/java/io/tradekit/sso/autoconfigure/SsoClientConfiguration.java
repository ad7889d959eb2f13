package io.tradekit.sso.autoconfigure;

import io.tradekit.sso.SsoLoginService;
import io.tradekit.sso.client.SsoClientEndpoint;
import io.tradekit.sso.client.SsoTicketRedeemer;
import io.tradekit.sso.server.RedirectAllowList;
import io.tradekit.sso.server.SecureSsoServerTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.List;

/** The SSO client's login endpoint ({@code tradekit.sso.client.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "tradekit.sso.client.enabled")
class SsoClientConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SsoTicketRedeemer ssoTicketRedeemer(RedisConnectionFactory connectionFactory, SsoProperties properties) {
        StringRedisTemplate redis = new StringRedisTemplate(connectionFactory);
        // The template only names the ticket keys here; the auth centre wrote them with the same token name.
        return new SsoTicketRedeemer(redis, new SecureSsoServerTemplate(properties.getServer().getTicketTimeout()));
    }

    @Bean
    @ConditionalOnMissingBean
    SsoClientEndpoint ssoClientEndpoint(SsoTicketRedeemer redeemer, SsoLoginService logins, SsoProperties properties) {
        SsoProperties.Client client = properties.getClient();
        if (client.getServerAuthUrl() == null || client.getRedirectUrl() == null) {
            throw new IllegalStateException("tradekit.sso.client.enabled needs tradekit.sso.client.server-auth-url"
                    + " and tradekit.sso.client.redirect-url");
        }
        // The client's own redirect URL must be one the auth centre could allow-list: exact, absolute.
        String redirect = new RedirectAllowList(List.of(client.getRedirectUrl())).match(client.getRedirectUrl());
        return new SsoClientEndpoint(redeemer, logins, client.getServerAuthUrl(), redirect, client.getAfterLoginPath());
    }

    @Bean
    @ConditionalOnMissingBean(name = "ssoClientRoutes")
    RouterFunction<ServerResponse> ssoClientRoutes(SsoClientEndpoint endpoint, SsoProperties properties) {
        return RouterFunctions.route().GET(properties.getClient().getLoginPath(), endpoint::login).build();
    }
}
