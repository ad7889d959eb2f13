package io.tradekit.sso.autoconfigure;

import cn.dev33.satoken.stp.StpLogic;
import io.tradekit.sso.SsoRoute;
import io.tradekit.sso.SsoRouteCustomizer;
import io.tradekit.sso.SsoRouteRegistry;
import io.tradekit.sso.session.TokenCheckScript;
import io.tradekit.sso.web.ActuatorRouteGuard;
import io.tradekit.sso.web.SecureCookieStpLogic;
import io.tradekit.sso.web.SsoExceptionHandler;
import io.tradekit.sso.web.ServerUnavailableExceptionHandler;
import io.tradekit.sso.web.SsoRouteInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The route interceptor, the {@code Secure}-when-secure token cookie and the JSON error answers, in servlet web applications. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
class SsoWebConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SsoRouteInterceptor ssoRouteInterceptor(SsoProperties properties, ObjectProvider<SsoRouteCustomizer> customizers) {
        SsoRouteRegistry registry = new SsoRouteRegistry();
        for (SsoProperties.Route route : properties.getRoutes()) {
            registry.add(new SsoRoute(route.getPattern(), route.getPermission(), route.getRole()));
        }
        properties.getPublicPaths().forEach(registry::publicPath);
        // The SSO endpoints answer anonymous users themselves.
        if (properties.getServer().isEnabled()) {
            registry.publicPath(properties.getServer().getAuthPath());
        }
        if (properties.getClient().isEnabled()) {
            registry.publicPath(properties.getClient().getLoginPath());
        }
        customizers.orderedStream().forEach(customizer -> customizer.customize(registry));
        return new SsoRouteInterceptor(registry.routes(), registry.publicPaths(), properties.isLoginRequired());
    }

    @Bean
    WebMvcConfigurer ssoRouteInterceptorRegistration(SsoRouteInterceptor interceptor, SsoProperties properties) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns("/**").order(properties.getInterceptorOrder());
            }
        };
    }

    /** Static: a post-processor must not make this configuration class an early bean. */
    @Bean
    static ActuatorRouteGuard ssoActuatorRouteGuard(ObjectProvider<SsoRouteInterceptor> interceptor) {
        return new ActuatorRouteGuard(interceptor);
    }

    /** Picked up by Sa-Token's own bean injection ({@code StpUtil.setStpLogic}). */
    @Bean
    @ConditionalOnMissingBean(StpLogic.class)
    SecureCookieStpLogic secureCookieStpLogic(ObjectProvider<TokenCheckScript> checkScript) {
        SecureCookieStpLogic logic = new SecureCookieStpLogic();
        logic.setCheckScript(checkScript.getIfUnique());
        return logic;
    }

    @Bean
    @ConditionalOnMissingBean
    SsoExceptionHandler ssoExceptionHandler() {
        return new SsoExceptionHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    ServerUnavailableExceptionHandler serverUnavailableExceptionHandler() {
        return new ServerUnavailableExceptionHandler();
    }
}
