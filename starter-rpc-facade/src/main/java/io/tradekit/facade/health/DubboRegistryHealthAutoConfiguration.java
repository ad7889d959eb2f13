package io.tradekit.facade.health;

import org.apache.dubbo.rpc.model.ApplicationModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link DubboRegistryHealthIndicator} (component {@code dubboRegistry}) when Actuator and
 * Dubbo's Spring integration are present; off with {@code management.health.dubbo-registry.enabled=false}.
 * No bean condition on Dubbo's application model: Dubbo registers it as a singleton while the context
 * starts, after conditions are evaluated; the indicator looks it up at check time instead.
 */
@AutoConfiguration
@ConditionalOnClass(name = {"org.springframework.boot.actuate.health.HealthIndicator",
        "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator",
        "org.apache.dubbo.registry.support.RegistryManager",
        "org.apache.dubbo.config.spring.context.DubboSpringInitializer"})
public class DubboRegistryHealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnEnabledHealthIndicator("dubbo-registry")
    static class DubboRegistryHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "dubboRegistryHealthIndicator")
        DubboRegistryHealthIndicator dubboRegistryHealthIndicator(ObjectProvider<ApplicationModel> applicationModel) {
            return new DubboRegistryHealthIndicator(applicationModel);
        }
    }
}
