package io.tradekit.sso.metrics;

import cn.dev33.satoken.stp.StpUtil;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The SSO meters ({@link SsoMetrics}, {@link SsoMetricsListener}, {@link ActiveSessionsGauge}) when the
 * application has Micrometer and a {@code MeterRegistry}, unless {@code tradekit.sso.enabled=false} or
 * {@code tradekit.sso.metrics.enabled=false}.
 */
@AutoConfiguration(
        after = io.tradekit.sso.autoconfigure.SsoAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
            "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
            "org.redisson.spring.starter.RedissonAutoConfigurationV2"})
@ConditionalOnClass({StpUtil.class, MeterRegistry.class})
@ConditionalOnBooleanProperty(name = "tradekit.sso.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "tradekit.sso.metrics.enabled", matchIfMissing = true)
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(SsoMetricsProperties.class)
public class SsoMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SsoMetrics tradekitSsoMetrics(MeterRegistry registry) {
        return new SsoMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    SsoMetricsListener tradekitSsoMetricsListener(SsoMetrics metrics) {
        return new SsoMetricsListener(metrics);
    }

    /** Only where Sa-Token's sessions are in Redis (the starter's rule; SessionStoreCheck fails the start otherwise). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RedisConnectionFactory.class)
    @ConditionalOnBean(RedisConnectionFactory.class)
    static class ActiveSessions {

        @Bean
        @ConditionalOnMissingBean
        ActiveSessionsGauge tradekitSsoActiveSessionsGauge(MeterRegistry registry, RedisConnectionFactory redis,
                                                           SsoMetricsProperties properties) {
            return new ActiveSessionsGauge(registry, new StringRedisTemplate(redis),
                    properties.getActiveSessionsRefresh(), properties.getActiveSessionsLimit());
        }
    }
}
