package io.tradekit.core.health;

import io.tradekit.core.degrade.ServerBreakers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.data.redis.RedisHealthIndicator;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Replaces Spring Boot's {@code redis} health contributor with {@link BreakerAwareRedisHealthIndicator}
 * (same component name, same details when up), for every application that has Actuator, Spring Data
 * Redis and the breakers' Resilience4j. It runs before Boot's two Redis health auto-configurations,
 * which back off on a bean named {@code redisHealthContributor}, and after the ones that define the
 * connection factory (Boot's own, Redisson's). Off with {@code management.health.redis.enabled=false},
 * like Boot's; an application's own {@code redisHealthIndicator}/{@code redisHealthContributor} wins.
 * The class conditions sit on the outer class so nothing of Actuator or Spring Data Redis is loaded
 * without them (tradekit-core is also on the class path of plain RPC contract jars).
 */
@AutoConfiguration(
        afterName = {"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
                "org.springframework.boot.autoconfigure.data.redis.RedisReactiveAutoConfiguration",
                "org.redisson.spring.starter.RedissonAutoConfigurationV2"},
        beforeName = {"org.springframework.boot.actuate.autoconfigure.data.redis.RedisReactiveHealthContributorAutoConfiguration",
                "org.springframework.boot.actuate.autoconfigure.data.redis.RedisHealthContributorAutoConfiguration"})
@ConditionalOnClass(name = {"org.springframework.boot.actuate.data.redis.RedisHealthIndicator",
        "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator",
        "org.springframework.data.redis.connection.RedisConnectionFactory",
        "io.github.resilience4j.circuitbreaker.CircuitBreaker"})
public class RedisBreakerHealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(RedisConnectionFactory.class)
    @ConditionalOnEnabledHealthIndicator("redis")
    static class RedisBreakerHealthConfiguration {

        /** One indicator per connection factory, as Boot does: a composite when there are several. */
        @Bean
        @ConditionalOnMissingBean(name = {"redisHealthIndicator", "redisHealthContributor"})
        HealthContributor redisHealthContributor(Map<String, RedisConnectionFactory> factories,
                                                 ObjectProvider<ServerBreakers> breakers) {
            Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
            factories.forEach((name, factory) -> indicators.put(name,
                    new BreakerAwareRedisHealthIndicator(new RedisHealthIndicator(factory), breakers::getIfAvailable)));
            return indicators.size() == 1 ? indicators.values().iterator().next()
                    : CompositeHealthContributor.fromMap(indicators);
        }
    }
}
