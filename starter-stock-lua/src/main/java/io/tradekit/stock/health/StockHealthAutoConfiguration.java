package io.tradekit.stock.health;

import io.tradekit.stock.autoconfigure.StockAutoConfiguration;
import io.tradekit.stock.redis.StockRedis;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link StockHealthIndicator} (component {@code stock}) when Actuator is present and the
 * stock service runs on its Lettuce connection; off with {@code management.health.stock.enabled=false}.
 * The Actuator conditions sit on a nested class so that the outer class check runs first and
 * nothing of Actuator is loaded without it.
 */
@AutoConfiguration(after = StockAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.health.HealthIndicator",
        "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator"})
public class StockHealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(StockRedis.class)
    @ConditionalOnEnabledHealthIndicator("stock")
    @EnableConfigurationProperties(StockHealthProperties.class)
    static class StockHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "stockHealthIndicator")
        StockHealthIndicator stockHealthIndicator(StockRedis stockRedis, StockHealthProperties properties) {
            return new StockHealthIndicator(stockRedis, properties.getTimeout());
        }
    }
}
