package io.tradekit.cache.autoconfigure;

import io.lettuce.core.resource.ClientResources;
import io.tradekit.cache.lettuce.LettuceRemoteLevel;
import io.tradekit.cache.remote.RemoteClient;
import io.tradekit.cache.remote.RemoteLevel;
import io.tradekit.core.redis.LettuceClients;
import io.tradekit.core.redis.LettuceConnector;
import io.tradekit.core.redis.LettuceSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The remote level on a Lettuce client of the cache's own ({@code tradekit.cache.remote.client=lettuce}),
 * built from Spring Boot's Redis connection details, else {@code spring.data.redis.*}: one shared
 * connection, opened on first use, so the application starts without Redis.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "tradekit.cache", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnRemoteClient(RemoteClient.LETTUCE)
class LettuceRemoteLevelConfiguration {

    static final String SETTINGS_PREFIX = "tradekit.cache.remote.lettuce";

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(RemoteLevel.class)
    LettuceRemoteLevel tradekitCacheRemoteLevel(ObjectProvider<RedisConnectionDetails> details, Environment environment,
                                                ObjectProvider<ClientResources> resources,
                                                TradekitCacheProperties properties) {
        LettuceSettings settings = properties.getRemote().getLettuce();
        settings.validate(SETTINGS_PREFIX);
        LettuceConnector connector = new LettuceConnector(
                LettuceClients.create(details.getIfAvailable(), LettuceClients.redisProperties(environment),
                        resources.getIfUnique(), settings.getConnectTimeout(), settings.getCommandTimeout()),
                settings.getCommandTimeout(), settings.getRetryDelay(), true);
        return new LettuceRemoteLevel(connector, settings.getCommandTimeout(), settings.getRetryDelay());
    }
}
