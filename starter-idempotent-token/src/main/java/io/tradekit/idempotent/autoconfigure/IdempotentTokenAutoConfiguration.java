package io.tradekit.idempotent.autoconfigure;

import io.lettuce.core.RedisClient;
import io.lettuce.core.resource.ClientResources;
import io.tradekit.core.redis.LettuceClients;
import io.tradekit.core.redis.LettuceSettings;
import io.tradekit.idempotent.IdempotentTokenObserver;
import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.aop.IdempotentTokenAdvisor;
import io.tradekit.idempotent.aop.IdempotentTokenInterceptor;
import io.tradekit.idempotent.aop.IdempotentTokenOperationSource;
import io.tradekit.idempotent.store.IdempotentTokenStore;
import io.tradekit.idempotent.store.LettuceTokenStore;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.spring.ServerBreakersBinding;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
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
 * web application the token check and the token endpoint. Start-up fails when something relies on
 * tokens that cannot take effect; {@code tradekit.idempotent.enabled=false} turns it all off with one WARN.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@Import({IdempotentTokenAutoConfiguration.EnabledConfiguration.class,
        IdempotentTokenAutoConfiguration.DisabledConfiguration.class})
public class IdempotentTokenAutoConfiguration {

    /** Everything, unless tradekit.idempotent.enabled=false. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "tradekit.idempotent.enabled", matchIfMissing = true)
    @EnableConfigurationProperties(IdempotentTokenProperties.class)
    @Import({EnabledConfiguration.LettuceStoreConfiguration.class,
            EnabledConfiguration.AbsentRedisClientConfiguration.class,
            IdempotentTokenMetricsConfiguration.class, IdempotentTokenWebConfiguration.class})
    static class EnabledConfiguration {

        @Bean
        @ConditionalOnMissingBean
        IdempotentTokenService idempotentTokenService(IdempotentTokenStore store, IdempotentTokenProperties properties,
                                                      ObjectProvider<IdempotentTokenObserver> observer) {
            IdempotentTokenPropertiesValidator.validate(properties);
            return new IdempotentTokenService(store, properties.getKeyPrefix(), properties.getTtl(),
                    observer.getIfAvailable(() -> IdempotentTokenObserver.NONE));
        }

        /**
         * Static: a post-processor must not make this configuration an early bean. Not replaceable
         * (no @ConditionalOnMissingBean): a safety check an application could switch off by accident.
         */
        @Bean
        static IdempotentTokenStartupCheck idempotentTokenStartupCheck(Environment environment) {
            return new IdempotentTokenStartupCheck(environment);
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
            return new IdempotentTokenAdvisor(new IdempotentTokenInterceptor(tokens::getObject, operations), operations,
                    order);
        }

        /** One breaker per server for every starter ({@code tradekit.degrade.*}), unless one exists. */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean
        ServerBreakers tradekitServerBreakers(Environment environment) {
            return ServerBreakersBinding.bind(environment);
        }

        /** The default store: the starter's own Lettuce client on spring.data.redis.*, one shared connection. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(RedisClient.class)
        static class LettuceStoreConfiguration {

            @Bean(destroyMethod = "close")
            @ConditionalOnMissingBean(IdempotentTokenStore.class)
            LettuceTokenStore idempotentTokenStore(ObjectProvider<RedisConnectionDetails> details, Environment environment,
                                                   ObjectProvider<ClientResources> resources,
                                                   IdempotentTokenProperties properties,
                                                   ServerBreakers breakers) {
                RedisProperties redis = LettuceClients.redisProperties(environment);
                LettuceSettings settings = properties.getRedis();
                settings.validate("tradekit.idempotent.redis");
                LettuceTokenStore store = new LettuceTokenStore(
                        LettuceClients.create(details.getIfAvailable(), redis, resources.getIfUnique(),
                                settings.getConnectTimeout(), settings.getCommandTimeout()),
                        settings.getCommandTimeout(), settings.getRetryDelay(), true);
                // The application's Redis breaker, shared with the other Redis-backed starters.
                store.setBreaker(breakers.breaker("redis"));
                return store;
            }
        }

        /** No Lettuce: a stand-in store, so that {@link IdempotentTokenStartupCheck} names what relies on Redis. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnMissingClass("io.lettuce.core.RedisClient")
        static class AbsentRedisClientConfiguration {

            @Bean(AbsentRedisClientStore.BEAN_NAME)
            @ConditionalOnMissingBean(IdempotentTokenStore.class)
            IdempotentTokenStore idempotentTokenStoreWithoutRedisClient() {
                return new AbsentRedisClientStore();
            }
        }
    }

    /** tradekit.idempotent.enabled=false: one WARN naming what now runs unprotected. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "tradekit.idempotent.enabled", havingValue = false)
    static class DisabledConfiguration {

        @Bean
        static IdempotentTokenDisabledWarning idempotentTokenDisabledWarning(Environment environment) {
            return new IdempotentTokenDisabledWarning(environment);
        }
    }
}
