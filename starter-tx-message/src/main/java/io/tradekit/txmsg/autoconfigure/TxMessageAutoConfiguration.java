package io.tradekit.txmsg.autoconfigure;

import io.tradekit.txmsg.TransactionalMessageTemplate;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Configures the transactional producer (one per producer group, listener dispatching by scene,
 * adjustable through {@link TxMessageProducerCustomizer} beans), {@link TransactionalMessageTemplate},
 * and the consumers with their idempotency guard and dead-letter hooks, on the plain RocketMQ client.
 *
 * <p>Fails closed: when the application uses the starter but the client is missing or no name
 * server is configured, the start-up fails naming the first such bean ({@link TxMessageUsageGuard}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@EnableConfigurationProperties(TxMessageProperties.class)
@Import(TxMessageClientConfiguration.class)
public class TxMessageAutoConfiguration {

    /** Static: a bean factory post-processor must not make this configuration an early bean. */
    @Bean
    @ConditionalOnMissingBean
    static TxMessageUsageGuard tradekitTxMessageUsageGuard(Environment environment) {
        return new TxMessageUsageGuard(environment);
    }
}
