package io.tradekit.txmsg.health;

import io.tradekit.txmsg.autoconfigure.TxMessageAutoConfiguration;
import io.tradekit.txmsg.autoconfigure.TxMessageProperties;
import io.tradekit.txmsg.consumer.ConsumerContainer;
import io.tradekit.txmsg.consumer.TransactionalMessageConsumer;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link RocketMqHealthIndicator} (component {@code rocketmq}) when Actuator is present and
 * the starter's transactional producer runs; off with {@code management.health.rocketmq.enabled=false}.
 * The Actuator conditions sit on a nested class so that the outer class check runs first.
 */
@AutoConfiguration(after = TxMessageAutoConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.boot.actuate.health.HealthIndicator",
        "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator",
        "org.apache.rocketmq.client.producer.TransactionMQProducer"})
public class TxMessageHealthAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(name = "tradekitTxMessageProducer")
    @ConditionalOnEnabledHealthIndicator("rocketmq")
    @EnableConfigurationProperties(TxMessageHealthProperties.class)
    static class RocketMqHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "rocketmqHealthIndicator")
        RocketMqHealthIndicator rocketmqHealthIndicator(
                @Qualifier("tradekitTxMessageProducer") TransactionMQProducer producer,
                ObjectProvider<TransactionalMessageConsumer<?>> consumers, TxMessageProperties properties,
                TxMessageHealthProperties health) {
            return new RocketMqHealthIndicator(producer,
                    consumers.orderedStream().map(c -> new Subscription(c.consumerGroup(), c.topic())).toList(),
                    properties.getConsumer().isDeadLetterHook(), ConsumerContainer.DEAD_LETTER_HOOK_SUFFIX,
                    health.getTimeout());
        }
    }
}
