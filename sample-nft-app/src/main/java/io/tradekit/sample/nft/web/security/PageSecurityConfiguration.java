package io.tradekit.sample.nft.web.security;

import io.tradekit.sso.SsoRouteCustomizer;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The pages' public paths (a page is a shell: the API behind it checks the login and the role) and the
 * Content-Security-Policy. The cross-site check of cookie-authenticated changes is not the pages' own:
 * it guards the API in every role ({@code shared.web.CookieCsrfConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityConfiguration {

    @Bean
    SsoRouteCustomizer pagePublicPaths() {
        return routes -> routes.publicPath("/").publicPath("/web/**").publicPath("/css/**").publicPath("/js/**")
                .publicPath("/webjars/**").publicPath("/fonts/**").publicPath("/img/**").publicPath("/favicon.ico");
    }

    @Bean
    FilterRegistrationBean<ContentSecurityPolicyFilter> contentSecurityPolicyFilter() {
        FilterRegistrationBean<ContentSecurityPolicyFilter> registration =
                new FilterRegistrationBean<>(new ContentSecurityPolicyFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }
}
