package io.tradekit.txmsg.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionalMessageTemplate;
import io.tradekit.txmsg.consumer.ConsumerContainer;
import io.tradekit.txmsg.consumer.ConsumerSettings;
import io.tradekit.txmsg.consumer.DeadLetterHandler;
import io.tradekit.txmsg.consumer.IdempotencyStore;
import io.tradekit.txmsg.consumer.JdbcIdempotencyStore;
import io.tradekit.txmsg.consumer.TransactionalMessageConsumer;
import io.tradekit.txmsg.support.CheckBackOverflowPolicy;
import io.tradekit.txmsg.support.HandlerRegistry;
import io.tradekit.txmsg.support.PayloadCodec;
import io.tradekit.txmsg.support.SceneDispatchingTransactionListener;
import io.tradekit.txmsg.support.TxMessageMetrics;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import io.tradekit.txmsg.support.ProducerWarmUp;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.StringUtils;

/**
 * Configures the transactional producer (one per producer group, listener dispatching by scene),
 * {@link TransactionalMessageTemplate}, the consumers with their idempotency guard and dead-letter hooks.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(TransactionMQProducer.class)
@ConditionalOnProperty(prefix = "tradekit.txmsg", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(TxMessageProperties.class)
public class TxMessageAutoConfiguration {

    /** Micrometer counters when Micrometer is on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TxMessageMetrics tradekitTxMessageMetrics(ObjectProvider<MeterRegistry> registry) {
            return new TxMessageMetrics(registry.getIfUnique());
        }
    }

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

    @Bean
    @ConditionalOnMissingBean
    TxMessageMetrics tradekitTxMessageNoMetrics() {
        return new TxMessageMetrics(null);
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
            HandlerRegistry registry, PayloadCodec codec, TxMessageMetrics metrics) {
        TransactionMQProducer producer = new TransactionMQProducer(properties.getProducerGroup());
        producer.setNamesrvAddr(nameServer(properties, environment));
        producer.setInstanceName("tradekit-txmsg-producer-" + UUID.randomUUID());
        producer.setSendMsgTimeout((int) properties.getSendTimeout().toMillis());
        producer.setHeartbeatBrokerInterval((int) Math.max(100, properties.getHeartbeatInterval().toMillis()));
        producer.setMaxMessageSize(Math.max(producer.getMaxMessageSize(), properties.getMaxPayloadBytes() + 64 * 1024));
        TxMessageProperties.Check check = properties.getCheck();
        producer.setExecutorService(new ThreadPoolExecutor(check.getThreads(), check.getThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(check.getQueueCapacity()),
                new CustomizableThreadFactory("tradekit-txmsg-check-"),
                new CheckBackOverflowPolicy(metrics, TimeUnit.SECONDS.toNanos(10), System::nanoTime)));
        producer.setTransactionListener(new SceneDispatchingTransactionListener(registry, codec, metrics));
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("Could not start the transactional producer of group "
                    + properties.getProducerGroup(), e);
        }
        ProducerWarmUp.announce(producer, properties.getTopics());
        return producer;
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalMessageTemplate transactionalMessageTemplate(TransactionMQProducer tradekitTxMessageProducer,
            HandlerRegistry registry, PayloadCodec codec, TxMessageMetrics metrics, TxMessageProperties properties) {
        return new TransactionalMessageTemplate(tradekitTxMessageProducer, registry, codec, metrics,
                properties.getMaxPayloadBytes());
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(TransactionalMessageConsumer.class)
    ConsumerContainer tradekitTxMessageConsumerContainer(ObjectProvider<TransactionalMessageConsumer<?>> consumers,
            ObjectProvider<DeadLetterHandler> deadLetterHandlers, ObjectProvider<IdempotencyStore> store,
            PayloadCodec codec, TxMessageMetrics metrics, TxMessageProperties properties, Environment environment) {
        TxMessageProperties.Consumer c = properties.getConsumer();
        ConsumerSettings settings = new ConsumerSettings(nameServer(properties, environment), c.getMaxReconsumeTimes(),
                c.getRetryDelayLevel(), c.getRouteRefreshInterval(), c.getConsumeThreads(), c.isDeadLetterHook(),
                properties.getHeartbeatInterval());
        return new ConsumerContainer(consumers.orderedStream().toList(), deadLetterHandlers.orderedStream().toList(),
                store.getIfUnique(), codec, metrics, settings);
    }

    static String nameServer(TxMessageProperties properties, Environment environment) {
        String address = StringUtils.hasText(properties.getNameServer()) ? properties.getNameServer()
                : environment.getProperty("rocketmq.name-server");
        if (!StringUtils.hasText(address)) {
            throw new IllegalStateException("tradekit.txmsg needs a name server: set tradekit.txmsg.name-server "
                    + "or rocketmq.name-server (or tradekit.txmsg.enabled=false)");
        }
        return address;
    }
}
