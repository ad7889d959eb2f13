package io.tradekit.sample.nft.shared.web.limit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link RequestBodyLimitFilter} in front of every other filter that might read a body. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestBodyLimitProperties.class)
class RequestBodyLimitConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "requestBodyLimitFilter")
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestBodyLimitProperties properties) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(properties.validatedBytes()));
        // Before Spring's request-context, encoding and any body-reading filter (idempotency, logging).
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
