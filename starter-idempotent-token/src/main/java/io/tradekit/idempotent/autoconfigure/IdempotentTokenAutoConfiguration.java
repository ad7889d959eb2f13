package io.tradekit.idempotent.autoconfigure;

import io.lettuce.core.RedisClient;
import io.lettuce.core.resource.ClientResources;
import io.tradekit.core.redis.LettuceClients;
import io.tradekit.idempotent.IdempotentTokenObserver;
import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.aop.IdempotentTokenAdvisor;
import io.tradekit.idempotent.aop.IdempotentTokenInterceptor;
import io.tradekit.idempotent.aop.IdempotentTokenOperationSource;
import io.tradekit.idempotent.store.IdempotentTokenStore;
import io.tradekit.idempotent.store.LettuceTokenStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of idempotent tokens: the {@link IdempotentTokenService} on a
 * {@link LettuceTokenStore} (or your {@link IdempotentTokenStore} bean), the
 * {@link io.tradekit.idempotent.IdempotentToken} advisor, Micrometer counters, and in a servlet
 * web application the filter and the token endpoint. Off with {@code tradekit.idempotent.enabled=false}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "tradekit.idempotent.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotentTokenProperties.class)
@Import({IdempotentTokenAutoConfiguration.LettuceStoreConfiguration.class,
        IdempotentTokenMetricsConfiguration.class, IdempotentTokenWebConfiguration.class})
public class IdempotentTokenAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotentTokenService idempotentTokenService(IdempotentTokenStore store, IdempotentTokenProperties properties,
                                                  ObjectProvider<IdempotentTokenObserver> observer) {
        IdempotentTokenPropertiesValidator.validate(properties);
        return new IdempotentTokenService(store, properties.getKeyPrefix(), properties.getTtl(),
                observer.getIfAvailable(() -> IdempotentTokenObserver.NONE));
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static IdempotentTokenOperationSource idempotentTokenOperationSource() {
        return new IdempotentTokenOperationSource();
    }

    @Bean
    @ConditionalOnMissingBean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static IdempotentTokenAdvisor idempotentTokenAdvisor(ObjectProvider<IdempotentTokenService> tokens,
                                                         IdempotentTokenOperationSource operations,
                                                         Environment environment) {
        // Static and lazy: advisors are created before other beans; the service is looked up on first use.
        int order = Binder.get(environment).bind("tradekit.idempotent.aop-order", Integer.class)
                .orElseGet(() -> new IdempotentTokenProperties().getAopOrder());
        return new IdempotentTokenAdvisor(new IdempotentTokenInterceptor(tokens::getObject, operations), operations, order);
    }

    /** The default store: the starter's own Lettuce client on spring.data.redis.*, one shared connection. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RedisClient.class)
    static class LettuceStoreConfiguration {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(IdempotentTokenStore.class)
        LettuceTokenStore idempotentTokenStore(ObjectProvider<RedisConnectionDetails> details, Environment environment,
                                               ObjectProvider<ClientResources> resources,
                                               IdempotentTokenProperties properties) {
            RedisProperties redis = LettuceClients.redisProperties(environment);
            IdempotentTokenProperties.Redis settings = properties.getRedis();
            return new LettuceTokenStore(
                    LettuceClients.create(details.getIfAvailable(), redis, resources.getIfUnique(),
                            settings.getConnectTimeout(), settings.getCommandTimeout()),
                    settings.getCommandTimeout(), settings.getRetryDelay(), true);
        }
    }
}
