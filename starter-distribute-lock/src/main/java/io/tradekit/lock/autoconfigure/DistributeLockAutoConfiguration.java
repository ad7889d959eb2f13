package io.tradekit.lock.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.lock.DistributeLockListener;
import io.tradekit.lock.DistributeLockTemplate;
import io.tradekit.lock.aop.DistributeLockAdvisor;
import io.tradekit.lock.aop.DistributeLockInterceptor;
import io.tradekit.lock.aop.LockKeyResolver;
import org.redisson.api.RedissonClient;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Auto-configuration of {@link io.tradekit.lock.DistributeLock} and {@link DistributeLockTemplate}
 * over the {@link RedissonClient} bean that {@code redisson-spring-boot-starter} (brought by this
 * starter) builds from {@code spring.data.redis.*}, or the application's own; it fails the start-up
 * ({@link DistributeLockStartupCheck}) rather than back off when an annotated method or an injected
 * template would then run unlocked. {@code tradekit.lock.enabled=false} switches the lock off.
 *
 * <p>Ordered after Redisson's auto-configuration so that its {@code RedissonClient} bean is seen.
 */
@AutoConfiguration(afterName = {
        "org.redisson.spring.starter.RedissonAutoConfigurationV2",
        "org.redisson.spring.starter.RedissonAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties(DistributeLockProperties.class)
public class DistributeLockAutoConfiguration {

    /** Runs with or without Redisson on the classpath: that is when it has to fail closed. */
    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static DistributeLockStartupCheck distributeLockStartupCheck(Environment environment) {
        return new DistributeLockStartupCheck(environment);
    }

    /** The lock itself, when enabled and Redisson is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.redisson.api.RedissonClient")
    @ConditionalOnProperty(prefix = "tradekit.lock", name = "enabled", havingValue = "true", matchIfMissing = true)
    @Import(AutoProxyCreatorRegistrar.class)
    static class LockConfiguration {

        @Bean
        @ConditionalOnBean(RedissonClient.class)
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
                                                           Environment environment) {
            // Static, and the order bound straight from the environment: advisors are created while the
            // bean post-processors are registered, and creating the properties bean that early would keep
            // it (and Boot's binding converters) from being post-processed (BeanPostProcessorChecker WARNs).
            int order = Binder.get(environment).bind("tradekit.lock.order", Integer.class)
                    .orElseGet(() -> new DistributeLockProperties().getOrder());
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

    /**
     * Makes sure some auto-proxy creator applies the (infrastructure) lock advisor, as
     * {@code @EnableTransactionManagement} does: with Boot's AOP auto-configuration switched off
     * ({@code spring.aop.auto=false}) the advisor would otherwise be ignored and every lock skipped.
     * An AspectJ auto-proxy creator, when registered, takes precedence over this one.
     */
    static class AutoProxyCreatorRegistrar implements ImportBeanDefinitionRegistrar {

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            AopConfigUtils.registerAutoProxyCreatorIfNecessary(registry);
        }
    }
}
