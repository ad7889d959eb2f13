package io.tradekit.stock.autoconfigure;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.core.redis.FlushConsolidation;
import io.tradekit.core.redis.LettuceClients;
import io.tradekit.core.redis.LettuceConnector;
import io.tradekit.stock.StockObserver;
import io.tradekit.stock.StockService;
import io.tradekit.stock.redis.StockKeys;
import io.tradekit.stock.redis.StockRedis;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.spring.ServerBreakersBinding;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;

/** The stock service on the starter's own Lettuce client, when Lettuce is present and the starter enabled. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(RedisClient.class)
@ConditionalOnBooleanProperty(name = "tradekit.stock.enabled", matchIfMissing = true)
class StockRedisConfiguration {

    /** One breaker per server for every starter ({@code tradekit.degrade.*}), unless one exists. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ServerBreakers tradekitServerBreakers(Environment environment) {
        return ServerBreakersBinding.bind(environment);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    StockRedis stockRedis(ObjectProvider<RedisConnectionDetails> details, Environment environment,
                          ObjectProvider<ClientResources> resources, StockProperties properties,
                          ServerBreakers breakers) {
        validate(properties);
        StockProperties.Redis settings = properties.getRedis();
        ClientResources shared = resources.getIfUnique();
        // Own resources only when consolidating flushes (on the shared event loops when there are shared ones);
        // otherwise the client uses the shared resources or creates and owns its own, as before.
        ClientResources own = settings.isConsolidateFlushes() ? FlushConsolidation.resources(shared) : null;
        try {
            AbstractRedisClient client = LettuceClients.create(details.getIfAvailable(),
                    LettuceClients.redisProperties(environment), own != null ? own : shared,
                    settings.getConnectTimeout(), settings.getCommandTimeout());
            LettuceConnector connector = new LettuceConnector(client, settings.getCommandTimeout(),
                    settings.getRetryDelay(), own);
            StockRedis stockRedis = new StockRedis(connector, new StockKeys(properties.getKeyPrefix()));
            // The application's Redis breaker, shared with the other Redis-backed starters.
            stockRedis.setBreaker(breakers.breaker("redis"));
            return stockRedis;
        } catch (RuntimeException e) {
            if (own != null) {
                own.shutdown();
            }
            throw e;
        }
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    StockService stockService(StockRedis stockRedis, StockProperties properties,
                              ObjectProvider<StockObserver> observer) {
        return new StockService(stockRedis, properties.getSoldOutTtl(), properties.getRetention(),
                properties.getRedis().getRetryDelay(), observer.getIfAvailable(() -> StockObserver.NONE));
    }

    static void validate(StockProperties properties) {
        properties.getRedis().validate("tradekit.stock.redis");
        Duration retention = properties.getRetention();
        if (retention == null || retention.isZero() || retention.isNegative()) {
            throw new IllegalStateException("tradekit.stock.retention must be positive, was " + retention);
        }
        if (properties.getSoldOutTtl() == null || properties.getSoldOutTtl().isNegative()) {
            throw new IllegalStateException("tradekit.stock.sold-out-ttl must be zero (off) or more");
        }
        String prefix = properties.getKeyPrefix();
        if (prefix == null || prefix.indexOf('{') >= 0 || prefix.indexOf('}') >= 0 || prefix.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalStateException("tradekit.stock.key-prefix must not be null or hold braces, spaces or control characters");
        }
    }

    /** Micrometer counters, when Micrometer is present and a registry bean exists. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        StockObserver stockObserver(MeterRegistry registry) {
            return new MicrometerStockObserver(registry);
        }
    }
}
