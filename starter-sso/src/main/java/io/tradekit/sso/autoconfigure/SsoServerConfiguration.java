package io.tradekit.sso.autoconfigure;

import io.tradekit.sso.SsoLoginService;
import io.tradekit.sso.server.RedirectAllowList;
import io.tradekit.sso.server.SecureSsoServerTemplate;
import io.tradekit.sso.server.SsoServerEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** The auth centre's ticket and single-logout endpoints ({@code tradekit.sso.server.enabled=true}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "tradekit.sso.server.enabled")
class SsoServerConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecureSsoServerTemplate secureSsoServerTemplate(SsoProperties properties) {
        return new SecureSsoServerTemplate(properties.getServer().getTicketTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    RedirectAllowList ssoRedirectAllowList(SsoProperties properties) {
        return new RedirectAllowList(properties.getServer().getAllowedRedirects());
    }

    @Bean
    @ConditionalOnMissingBean
    SsoServerEndpoint ssoServerEndpoint(SecureSsoServerTemplate tickets, RedirectAllowList allowList,
                                        SsoLoginService logins) {
        return new SsoServerEndpoint(tickets, allowList, logins);
    }

    @Bean
    @ConditionalOnMissingBean(name = "ssoServerRoutes")
    RouterFunction<ServerResponse> ssoServerRoutes(SsoServerEndpoint endpoint, SsoProperties properties) {
        return RouterFunctions.route()
                .GET(properties.getServer().getAuthPath(), endpoint::auth)
                .POST(properties.getServer().getSignoutPath(), endpoint::signout)
                .build();
    }
}
