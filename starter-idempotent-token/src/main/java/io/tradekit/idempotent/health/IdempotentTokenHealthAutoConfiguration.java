package io.tradekit.idempotent.health;

import io.tradekit.idempotent.autoconfigure.IdempotentTokenAutoConfiguration;
import io.tradekit.idempotent.store.LettuceTokenStore;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link IdempotentTokenHealthIndicator} (component {@code idempotentToken}) when Actuator is
 * present and the tokens live in the starter's Lettuce store (an application's own store brings its
 * own health); off with {@code management.health.idempotent-token.enabled=false}. The Actuator
 * conditions sit on a nested class so that the outer class check runs first.
 */
@AutoConfiguration(after = IdempotentTokenAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.health.HealthIndicator",
        "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator",
        "io.lettuce.core.RedisClient"})
public class IdempotentTokenHealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(LettuceTokenStore.class)
    @ConditionalOnEnabledHealthIndicator("idempotent-token")
    @EnableConfigurationProperties(IdempotentTokenHealthProperties.class)
    static class IdempotentTokenHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "idempotentTokenHealthIndicator")
        IdempotentTokenHealthIndicator idempotentTokenHealthIndicator(LettuceTokenStore store,
                                                                      IdempotentTokenHealthProperties properties) {
            return new IdempotentTokenHealthIndicator(store, properties.getTimeout());
        }
    }
}
