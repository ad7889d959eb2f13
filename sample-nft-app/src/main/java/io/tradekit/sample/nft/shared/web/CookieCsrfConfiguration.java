package io.tradekit.sample.nft.shared.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sso.autoconfigure.SsoProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The cross-site check of cookie-authenticated changes ({@link CookieCsrfFilter}), in every role: a trade
 * process takes the pages' buys and payments with the login cookie although it serves no page itself.
 */
@Configuration(proxyBeanMethods = false)
class CookieCsrfConfiguration {

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
