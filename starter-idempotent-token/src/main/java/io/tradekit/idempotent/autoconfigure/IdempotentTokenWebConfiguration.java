package io.tradekit.idempotent.autoconfigure;

import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.web.IdempotentOwnerResolver;
import io.tradekit.idempotent.web.IdempotentTokenEndpoint;
import io.tradekit.idempotent.web.IdempotentTokenFilter;
import io.tradekit.idempotent.web.ScenePattern;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The filter and the token endpoint, in servlet web applications only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Filter.class, FilterRegistrationBean.class})
class IdempotentTokenWebConfiguration {

    static final String FILTER_REGISTRATION = "idempotentTokenFilterRegistration";

    @Bean(FILTER_REGISTRATION)
    @ConditionalOnMissingBean(name = FILTER_REGISTRATION)
    @ConditionalOnProperty(name = "tradekit.idempotent.url-patterns[0].pattern")
    FilterRegistrationBean<IdempotentTokenFilter> idempotentTokenFilterRegistration(
            IdempotentTokenService tokens, IdempotentTokenProperties properties,
            ObjectProvider<IdempotentOwnerResolver> ownerResolver) {
        IdempotentTokenPropertiesValidator.validate(properties);
        List<ScenePattern> patterns = properties.getUrlPatterns().stream()
                .map(entry -> new ScenePattern(entry.getPattern(), entry.getScene()))
                .toList();
        if (patterns.isEmpty()) {
            // An empty list would map the filter to every URL.
            throw new IllegalStateException("tradekit.idempotent.url-patterns is empty");
        }
        IdempotentTokenFilter filter = new IdempotentTokenFilter(tokens, patterns, properties.getHeader(),
                ownerResolver.getIfAvailable(() -> IdempotentOwnerResolver.NONE));
        FilterRegistrationBean<IdempotentTokenFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("idempotentTokenFilter");
        registration.setUrlPatterns(patterns.stream().map(ScenePattern::pattern).distinct().toList());
        registration.setOrder(properties.getFilterOrder());
        return registration;
    }

    /** The token endpoint, a functional route so that Spring MVC interceptors (SSO) apply to it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RouterFunction.class)
    @ConditionalOnBooleanProperty(name = "tradekit.idempotent.endpoint.enabled", matchIfMissing = true)
    static class EndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        IdempotentTokenEndpoint idempotentTokenEndpoint(IdempotentTokenService tokens,
                                                        IdempotentTokenProperties properties,
                                                        ObjectProvider<IdempotentOwnerResolver> ownerResolver) {
            IdempotentTokenPropertiesValidator.validate(properties);
            Set<String> scenes = new LinkedHashSet<>();
            properties.getUrlPatterns().forEach(entry -> scenes.add(entry.getScene()));
            scenes.addAll(properties.getEndpoint().getExtraScenes());
            return new IdempotentTokenEndpoint(tokens, scenes,
                    ownerResolver.getIfAvailable(() -> IdempotentOwnerResolver.NONE));
        }

        @Bean
        @ConditionalOnMissingBean(name = "idempotentTokenRoute")
        RouterFunction<ServerResponse> idempotentTokenRoute(IdempotentTokenEndpoint endpoint,
                                                            IdempotentTokenProperties properties) {
            return RouterFunctions.route().GET(properties.getEndpoint().getPath(), endpoint::issue).build();
        }
    }
}
