package io.tradekit.sample.nft.shared.web.actuator;

import io.tradekit.sample.nft.shared.security.CurrentSession;
import io.tradekit.sso.PermissionProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link SessionRolesForActuatorFilter} for the health endpoint under the configured base path. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(WebEndpointProperties.class)
class ActuatorSessionConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "sessionRolesForActuatorFilter")
    FilterRegistrationBean<SessionRolesForActuatorFilter> sessionRolesForActuatorFilter(
            WebEndpointProperties endpoints, CurrentSession session, PermissionProvider roles) {
        String health = endpoints.getBasePath() + "/" + endpoints.getPathMapping().getOrDefault("health", "health");
        FilterRegistrationBean<SessionRolesForActuatorFilter> registration =
                new FilterRegistrationBean<>(new SessionRolesForActuatorFilter(health, session, roles));
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
