package io.tradekit.idempotent.autoconfigure;

import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.web.IdempotentOwnerResolver;
import io.tradekit.idempotent.web.IdempotentTokenEndpoint;
import io.tradekit.idempotent.web.IdempotentTokenFilter;
import io.tradekit.idempotent.web.IdempotentTokenHandlerInterceptor;
import io.tradekit.idempotent.web.ScenePattern;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The token check (a Spring MVC interceptor and its body read-ahead filter) and the token endpoint, in servlet web applications. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Filter.class, FilterRegistrationBean.class})
class IdempotentTokenWebConfiguration {

    static final String FILTER_REGISTRATION = "idempotentTokenFilterRegistration";
    static final String PATTERNS_PROPERTY = "tradekit.idempotent.url-patterns[0].pattern";

    private static final String SSO_INTERCEPTOR = "io.tradekit.sso.web.SsoRouteInterceptor";
    private static final String SSO_ORDER = "tradekit.sso.interceptor-order";

    static List<ScenePattern> patterns(IdempotentTokenProperties properties) {
        IdempotentTokenPropertiesValidator.validate(properties);
        List<ScenePattern> patterns = properties.getUrlPatterns().stream()
                .map(entry -> new ScenePattern(entry.getPattern(), entry.getScene()))
                .toList();
        if (patterns.isEmpty()) {
            // An empty list would map the filter to every URL.
            throw new IllegalStateException("tradekit.idempotent.url-patterns is empty");
        }
        return patterns;
    }

    /** The check itself, after authentication: it needs Spring MVC. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebMvcConfigurer.class)
    @ConditionalOnProperty(name = PATTERNS_PROPERTY)
    static class CheckConfiguration {

        @Bean(FILTER_REGISTRATION)
        @ConditionalOnMissingBean(name = FILTER_REGISTRATION)
        FilterRegistrationBean<IdempotentTokenFilter> idempotentTokenFilterRegistration(IdempotentTokenProperties properties) {
            List<ScenePattern> patterns = patterns(properties);
            IdempotentTokenFilter filter = new IdempotentTokenFilter(properties.getHeader(),
                    (int) properties.getMaxBodySize().toBytes());
            FilterRegistrationBean<IdempotentTokenFilter> registration = new FilterRegistrationBean<>(filter);
            registration.setName("idempotentTokenFilter");
            registration.setUrlPatterns(patterns.stream().map(ScenePattern::pattern).distinct().toList());
            registration.setOrder(properties.getFilterOrder());
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
            return registration;
        }

        @Bean
        @ConditionalOnMissingBean
        IdempotentTokenHandlerInterceptor idempotentTokenHandlerInterceptor(
                IdempotentTokenService tokens, IdempotentTokenProperties properties,
                ObjectProvider<IdempotentOwnerResolver> ownerResolver, Environment environment) {
            List<ScenePattern> patterns = patterns(properties);
            requireAfterSso(properties.getInterceptorOrder(), environment);
            return new IdempotentTokenHandlerInterceptor(tokens, patterns, properties.getHeader(),
                    ownerResolver.getIfAvailable(() -> IdempotentOwnerResolver.NONE), properties.getUnspentStatuses());
        }

        @Bean
        @ConditionalOnMissingBean(name = "idempotentTokenInterceptorRegistration")
        WebMvcConfigurer idempotentTokenInterceptorRegistration(IdempotentTokenHandlerInterceptor interceptor,
                                                                IdempotentTokenProperties properties) {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(interceptor).addPathPatterns("/**").order(properties.getInterceptorOrder());
                    // Last of all: tells the check that no later interceptor refused the request.
                    registry.addInterceptor(IdempotentTokenHandlerInterceptor.handlerReachedMarker())
                            .addPathPatterns("/**").order(Ordered.LOWEST_PRECEDENCE);
                }
            };
        }

        /** No compile dependency on the SSO starter: its order is read from the environment when it is present. */
        private static void requireAfterSso(int order, Environment environment) {
            if (!ClassUtils.isPresent(SSO_INTERCEPTOR, CheckConfiguration.class.getClassLoader())) {
                return;
            }
            String problem = ssoOrderProblem(order, environment.getProperty(SSO_ORDER, Integer.class, 0));
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
        }

        /** What is wrong with the two orders, or {@code null}. */
        static String ssoOrderProblem(int order, int ssoOrder) {
            if (order > ssoOrder) {
                return null;
            }
            return "tradekit.idempotent.interceptor-order (" + order + ") must be greater than " + SSO_ORDER + " ("
                    + ssoOrder + "): the token check must run after the login check, so that an anonymous request "
                    + "gets 401 and its token is not touched";
        }
    }

    /** Guarded URLs without Spring MVC would run unchecked: refuse to start (fail closed). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.web.servlet.config.annotation.WebMvcConfigurer")
    @ConditionalOnProperty(name = PATTERNS_PROPERTY)
    static class NoSpringMvcConfiguration {

        @Bean
        Object idempotentTokenCheckUnavailable(IdempotentTokenProperties properties) {
            throw new IllegalStateException("tradekit.idempotent.url-patterns[0] (" + properties.getUrlPatterns().get(0)
                    .getPattern() + ") needs Spring MVC (spring-webmvc, e.g. spring-boot-starter-web): the token "
                    + "check is a Spring MVC interceptor, so that it runs after authentication");
        }
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
