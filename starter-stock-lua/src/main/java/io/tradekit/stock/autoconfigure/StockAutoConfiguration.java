package io.tradekit.stock.autoconfigure;

import io.tradekit.stock.StockService;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the stock service: its own Lettuce client on {@code spring.data.redis.*}
 * (one shared, auto-pipelining connection; flushes consolidated with
 * {@code tradekit.stock.redis.consolidate-flushes=true}), the {@link StockService}, and Micrometer counters when a
 * {@code MeterRegistry} exists. Off with {@code tradekit.stock.enabled=false}.
 *
 * <p>Fails closed: when Lettuce is missing while a bean injects a {@link StockService}, the start-up
 * fails naming that bean ({@link StockUsageGuard}); disabled, one WARN names the injecting beans.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties(StockProperties.class)
@Import(StockRedisConfiguration.class)
public class StockAutoConfiguration {

    /** Static: a bean factory post-processor must not make this configuration an early bean. */
    @Bean
    @ConditionalOnMissingBean
    static StockUsageGuard stockUsageGuard(Environment environment) {
        return new StockUsageGuard(environment);
    }
}
