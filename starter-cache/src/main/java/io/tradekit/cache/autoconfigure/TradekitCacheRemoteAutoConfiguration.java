package io.tradekit.cache.autoconfigure;

import com.alicp.jetcache.anno.support.GlobalCacheConfig;
import io.lettuce.core.resource.ClientResources;
import io.tradekit.cache.lettuce.LettuceRemoteLevel;
import io.tradekit.cache.remote.ConditionalOnRemoteClient;
import io.tradekit.cache.remote.RemoteClient;
import io.tradekit.cache.remote.RemoteLevel;
import io.tradekit.cache.support.RedissonRemoteLevel;
import io.tradekit.core.redis.LettuceClients;
import io.tradekit.core.redis.LettuceConnector;
import java.time.Duration;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The remote level of the cache on the client {@code tradekit.cache.remote.client} selects: the
 * application's {@link RedissonClient} bean (default; without one, no remote level and the cache
 * backs off), or a Lettuce client of the cache's own on Spring Boot's Redis connection details /
 * {@code spring.data.redis.*}. {@link TradekitCacheAutoConfiguration} builds on the
 * {@link RemoteLevel} bean this produces.
 */
@AutoConfiguration(before = TradekitCacheAutoConfiguration.class,
        afterName = {"org.redisson.spring.starter.RedissonAutoConfigurationV2",
                "org.redisson.spring.starter.RedissonAutoConfiguration",
                "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration"})
@ConditionalOnClass(GlobalCacheConfig.class)
@ConditionalOnProperty(prefix = "tradekit.cache", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(TradekitCacheProperties.class)
public class TradekitCacheRemoteAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRemoteClient(RemoteClient.REDISSON)
    @ConditionalOnClass(RedissonClient.class)
    @ConditionalOnBean(RedissonClient.class)
    static class RedissonLevelConfiguration {

        @Bean
        @ConditionalOnMissingBean(RemoteLevel.class)
        RedissonRemoteLevel tradekitCacheRemoteLevel(RedissonClient redisson) {
            return new RedissonRemoteLevel(redisson);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnRemoteClient(RemoteClient.LETTUCE)
    static class LettuceLevelConfiguration {

        /** A client and one connection of the cache's own, opened on first use (the application starts without Redis). */
        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(RemoteLevel.class)
        LettuceRemoteLevel tradekitCacheRemoteLevel(ObjectProvider<RedisConnectionDetails> details, Environment environment,
                                                    ObjectProvider<ClientResources> resources,
                                                    TradekitCacheProperties properties) {
            TradekitCacheProperties.Lettuce settings = properties.getRemote().getLettuce();
            validate(settings);
            LettuceConnector connector = new LettuceConnector(
                    LettuceClients.create(details.getIfAvailable(), LettuceClients.redisProperties(environment),
                            resources.getIfUnique(), settings.getConnectTimeout(), settings.getCommandTimeout()),
                    settings.getCommandTimeout(), settings.getRetryDelay(), true);
            return new LettuceRemoteLevel(connector, settings.getCommandTimeout(), settings.getRetryDelay());
        }
    }

    static void validate(TradekitCacheProperties.Lettuce settings) {
        requirePositive("tradekit.cache.remote.lettuce.command-timeout", settings.getCommandTimeout());
        requirePositive("tradekit.cache.remote.lettuce.connect-timeout", settings.getConnectTimeout());
        if (settings.getRetryDelay() == null || settings.getRetryDelay().isNegative()) {
            throw new IllegalStateException("tradekit.cache.remote.lettuce.retry-delay must be zero or more");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalStateException(name + " must be more than zero");
        }
    }
}
