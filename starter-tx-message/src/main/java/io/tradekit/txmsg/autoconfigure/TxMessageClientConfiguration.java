package io.tradekit.txmsg.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.spring.ServerBreakersBinding;
import io.tradekit.txmsg.TransactionalMessageTemplate;
import io.tradekit.txmsg.consumer.ConsumerContainer;
import io.tradekit.txmsg.consumer.ConsumerSettings;
import io.tradekit.txmsg.consumer.DeadLetterHandler;
import io.tradekit.txmsg.consumer.IdempotencyStore;
import io.tradekit.txmsg.consumer.JdbcIdempotencyStore;
import io.tradekit.txmsg.consumer.TransactionalMessageConsumer;
import io.tradekit.txmsg.support.HandlerRegistry;
import io.tradekit.txmsg.support.PayloadCodec;
import io.tradekit.txmsg.support.TxMessageMetrics;
import javax.sql.DataSource;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The producer, template and consumers, when the RocketMQ client is present, the starter enabled and
 * a name server configured; {@link TxMessageUsageGuard} covers the other cases.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(TransactionMQProducer.class)
@ConditionalOnProperty(prefix = "tradekit.txmsg", name = "enabled", havingValue = "true", matchIfMissing = true)
@Conditional(NameServer.Configured.class)
class TxMessageClientConfiguration {

    /** The name of the broker's breaker in {@link ServerBreakers}. */
    static final String BROKER_BREAKER = "rocketmq";

    /** The JDBC idempotency store when the application has one DataSource. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class JdbcStoreConfiguration {

        @Bean
        @ConditionalOnMissingBean(IdempotencyStore.class)
        JdbcIdempotencyStore tradekitTxMessageIdempotencyStore(DataSource dataSource,
                ObjectProvider<PlatformTransactionManager> transactionManager, TxMessageProperties properties) {
            PlatformTransactionManager manager = transactionManager.getIfUnique(
                    () -> new DataSourceTransactionManager(dataSource));
            JdbcIdempotencyStore store = new JdbcIdempotencyStore(new JdbcTemplate(dataSource),
                    new TransactionTemplate(manager), properties.getIdempotency().getTable());
            if (properties.getIdempotency().isCreateTable()) {
                store.createTableIfMissing();
            }
            return store;
        }
    }

    /** The one metrics bean: Micrometer counters when a registry exists, else a no-op. */
    @Bean
    @ConditionalOnMissingBean
    TxMessageMetrics tradekitTxMessageMetrics(ConfigurableListableBeanFactory beanFactory) {
        return new TxMessageMetrics(MeterRegistryLookup.uniqueOrNull(beanFactory));
    }

    @Bean
    @ConditionalOnMissingBean
    PayloadCodec tradekitTxMessagePayloadCodec(ObjectProvider<ObjectMapper> objectMapper) {
        return new PayloadCodec(objectMapper.getIfUnique(() -> new ObjectMapper().findAndRegisterModules()));
    }

    @Bean
    @ConditionalOnMissingBean
    HandlerRegistry tradekitTxMessageHandlerRegistry(ObjectProvider<LocalTransactionHandler<?>> handlers) {
        return new HandlerRegistry(handlers.orderedStream().toList());
    }

    @Bean(name = "tradekitTxMessageProducer", destroyMethod = "shutdown")
    @ConditionalOnMissingBean(name = "tradekitTxMessageProducer")
    TransactionMQProducer tradekitTxMessageProducer(TxMessageProperties properties, Environment environment,
            HandlerRegistry registry, PayloadCodec codec, TxMessageMetrics metrics,
            ObjectProvider<TxMessageProducerCustomizer> customizers) {
        registry.scenes().forEach(metrics::registerScene);
        return new TransactionalProducerBuilder(properties, NameServer.address(environment), registry, codec, metrics)
                .build(customizers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalMessageTemplate transactionalMessageTemplate(TransactionMQProducer tradekitTxMessageProducer,
            HandlerRegistry registry, PayloadCodec codec, TxMessageMetrics metrics, TxMessageProperties properties,
            ServerBreakers breakers) {
        return new TransactionalMessageTemplate(tradekitTxMessageProducer, registry, codec, metrics,
                properties.getMaxPayloadBytes(), breakers.breaker(BROKER_BREAKER));
    }

    /**
     * One breaker per server for every starter ({@code tradekit.degrade.*}), unless one exists; the
     * sends use the one named {@value #BROKER_BREAKER} ({@code tradekit.degrade.servers.rocketmq.*}).
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ServerBreakers tradekitServerBreakers(Environment environment) {
        return ServerBreakersBinding.bind(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(TransactionalMessageConsumer.class)
    ConsumerContainer tradekitTxMessageConsumerContainer(ObjectProvider<TransactionalMessageConsumer<?>> consumers,
            ObjectProvider<DeadLetterHandler> deadLetterHandlers, ObjectProvider<IdempotencyStore> store,
            PayloadCodec codec, TxMessageMetrics metrics, TxMessageProperties properties, Environment environment) {
        consumers.orderedStream().forEach(consumer -> metrics.registerGroup(consumer.consumerGroup()));
        TxMessageProperties.Consumer c = properties.getConsumer();
        ConsumerSettings settings = new ConsumerSettings(NameServer.address(environment), c.getMaxReconsumeTimes(),
                c.getRetryDelayLevel(), c.getRouteRefreshInterval(), c.getConsumeThreads(), c.isDeadLetterHook(),
                properties.getHeartbeatInterval());
        return new ConsumerContainer(consumers.orderedStream().toList(), deadLetterHandlers.orderedStream().toList(),
                store.getIfUnique(), codec, metrics, settings);
    }
}
