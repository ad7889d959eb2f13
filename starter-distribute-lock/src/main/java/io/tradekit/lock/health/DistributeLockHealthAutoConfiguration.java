package io.tradekit.lock.health;

import io.tradekit.lock.DistributeLockTemplate;
import io.tradekit.lock.autoconfigure.DistributeLockAutoConfiguration;
import org.redisson.api.RedissonClient;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link DistributeLockHealthIndicator} (component {@code distributeLock}) when Actuator is
 * present and the lock runs (its template exists); off with
 * {@code management.health.distribute-lock.enabled=false}. The Actuator conditions sit on a nested
 * class so that the outer class check runs first.
 */
@AutoConfiguration(after = DistributeLockAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.health.HealthIndicator",
        "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator",
        "org.redisson.api.RedissonClient"})
public class DistributeLockHealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({DistributeLockTemplate.class, RedissonClient.class})
    @ConditionalOnEnabledHealthIndicator("distribute-lock")
    @EnableConfigurationProperties(DistributeLockHealthProperties.class)
    static class DistributeLockHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "distributeLockHealthIndicator")
        DistributeLockHealthIndicator distributeLockHealthIndicator(RedissonClient redissonClient,
                                                                    DistributeLockHealthProperties properties) {
            return new DistributeLockHealthIndicator(redissonClient, properties.getTimeout());
        }
    }
}
