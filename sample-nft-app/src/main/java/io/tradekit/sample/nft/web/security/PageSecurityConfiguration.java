package io.tradekit.sample.nft.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sso.SsoRouteCustomizer;
import io.tradekit.sso.autoconfigure.SsoProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The pages' public paths (a page is a shell: the API behind it checks the login and the role), the
 * Content-Security-Policy and the cross-site check of cookie-authenticated changes.
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

    @Bean
    FilterRegistrationBean<CookieCsrfFilter> cookieCsrfFilter(SsoProperties sso, ObjectMapper json) {
        FilterRegistrationBean<CookieCsrfFilter> registration =
                new FilterRegistrationBean<>(new CookieCsrfFilter(sso.getTokenName(), json));
        // After the security headers and the trace id, before the body limit, the token filter and MVC.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
