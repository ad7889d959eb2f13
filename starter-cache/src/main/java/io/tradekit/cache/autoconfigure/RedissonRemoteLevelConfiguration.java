package io.tradekit.cache.autoconfigure;

import io.tradekit.cache.redisson.RedissonRemoteLevel;
import io.tradekit.cache.remote.RemoteClient;
import io.tradekit.cache.remote.RemoteLevel;
import org.redisson.api.RedissonClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The remote level on the application's {@link RedissonClient} bean (the default client): the one
 * redisson-spring-boot-starter, which this starter brings, builds from {@code spring.data.redis.*},
 * or the application's own, which that starter yields to.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tradekit.cache", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnRemoteClient(RemoteClient.REDISSON)
@ConditionalOnClass(RedissonClient.class)
@ConditionalOnBean(RedissonClient.class)
class RedissonRemoteLevelConfiguration {

    @Bean
    @ConditionalOnMissingBean(RemoteLevel.class)
    RedissonRemoteLevel tradekitCacheRemoteLevel(RedissonClient redisson) {
        return new RedissonRemoteLevel(redisson);
    }
}
