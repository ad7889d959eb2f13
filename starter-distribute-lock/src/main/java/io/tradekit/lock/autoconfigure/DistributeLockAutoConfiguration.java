package io.tradekit.lock.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.lock.DistributeLockListener;
import io.tradekit.lock.DistributeLockTemplate;
import io.tradekit.lock.aop.DistributeLockAdvisor;
import io.tradekit.lock.aop.DistributeLockInterceptor;
import io.tradekit.lock.aop.LockKeyResolver;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Auto-configuration of {@link io.tradekit.lock.DistributeLock} and {@link DistributeLockTemplate}
 * over the application's {@link RedissonClient} bean (from {@code redisson-spring-boot-starter} or
 * the application's own); backs off without one, or with {@code tradekit.lock.enabled=false}.
 */
@AutoConfiguration(afterName = {
        "org.redisson.spring.starter.RedissonAutoConfigurationV2",
        "org.redisson.spring.starter.RedissonAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(RedissonClient.class)
@ConditionalOnBean(RedissonClient.class)
@ConditionalOnProperty(prefix = "tradekit.lock", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DistributeLockProperties.class)
public class DistributeLockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DistributeLockTemplate distributeLockTemplate(RedissonClient redissonClient, DistributeLockProperties properties,
                                                  ObjectProvider<DistributeLockListener> listeners) {
        DistributeLockTemplate.Options options = new DistributeLockTemplate.Options(properties.getKeyPrefix(),
                properties.getDefaultWaitTime(), properties.getMaxKeyLength(), properties.getLeaseCheckInterval(),
                properties.getFencingTokenTtl());
        return new DistributeLockTemplate(redissonClient, options,
                new CompositeDistributeLockListener(listeners.orderedStream().toList()));
    }

    @Bean
    @ConditionalOnMissingBean(name = "distributeLockEventPublishingListener")
    DistributeLockListener distributeLockEventPublishingListener(ApplicationEventPublisher publisher) {
        return new EventPublishingDistributeLockListener(publisher);
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static LockKeyResolver distributeLockKeyResolver() {
        return new LockKeyResolver();
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DistributeLockInterceptor distributeLockInterceptor(LockKeyResolver distributeLockKeyResolver,
                                                               ObjectProvider<DistributeLockTemplate> template) {
        return new DistributeLockInterceptor(distributeLockKeyResolver, template);
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DistributeLockAdvisor distributeLockAdvisor(LockKeyResolver distributeLockKeyResolver,
                                                       DistributeLockInterceptor distributeLockInterceptor,
                                                       ObjectProvider<DistributeLockProperties> properties) {
        // Static and reading the order lazily: advisors are created before ordinary beans.
        int order = properties.getIfAvailable(DistributeLockProperties::new).getOrder();
        return new DistributeLockAdvisor(distributeLockKeyResolver, distributeLockInterceptor, order);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "distributeLockMetricsListener")
        DistributeLockListener distributeLockMetricsListener(ObjectProvider<MeterRegistry> registry) {
            return new MicrometerDistributeLockListener(registry.getObject());
        }
    }
}
