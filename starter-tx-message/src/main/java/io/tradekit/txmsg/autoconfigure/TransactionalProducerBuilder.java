package io.tradekit.txmsg.autoconfigure;

import io.tradekit.txmsg.support.CheckBackOverflowPolicy;
import io.tradekit.txmsg.support.HandlerRegistry;
import io.tradekit.txmsg.support.PayloadCodec;
import io.tradekit.txmsg.support.ProducerWarmUp;
import io.tradekit.txmsg.support.SceneDispatchingTransactionListener;
import io.tradekit.txmsg.support.TxMessageMetrics;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Builds the transactional producer: {@code tradekit.txmsg.*} settings, the scene-dispatching
 * listener, then the {@link TxMessageProducerCustomizer}s, then start and warm-up.
 */
final class TransactionalProducerBuilder {

    private final TxMessageProperties properties;
    private final String nameServer;
    private final HandlerRegistry registry;
    private final PayloadCodec codec;
    private final TxMessageMetrics metrics;

    TransactionalProducerBuilder(TxMessageProperties properties, String nameServer, HandlerRegistry registry,
                                 PayloadCodec codec, TxMessageMetrics metrics) {
        this.properties = properties;
        this.nameServer = nameServer;
        this.registry = registry;
        this.codec = codec;
        this.metrics = metrics;
    }

    TransactionMQProducer build(List<TxMessageProducerCustomizer> customizers) {
        TransactionMQProducer producer = new TransactionMQProducer(properties.getProducerGroup());
        producer.setNamesrvAddr(nameServer);
        producer.setInstanceName("tradekit-txmsg-producer-" + UUID.randomUUID());
        producer.setSendMsgTimeout((int) properties.getSendTimeout().toMillis());
        producer.setHeartbeatBrokerInterval((int) Math.max(100, properties.getHeartbeatInterval().toMillis()));
        producer.setMaxMessageSize(Math.max(producer.getMaxMessageSize(), properties.getMaxPayloadBytes() + 64 * 1024));
        TxMessageProperties.Check check = properties.getCheck();
        producer.setExecutorService(new ThreadPoolExecutor(check.getThreads(), check.getThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(check.getQueueCapacity()),
                new CustomizableThreadFactory("tradekit-txmsg-check-"),
                new CheckBackOverflowPolicy(metrics, TimeUnit.SECONDS.toNanos(10), System::nanoTime)));
        TransactionListener listener = new SceneDispatchingTransactionListener(registry, codec, metrics,
                check.getUndecidedWindow(), System::currentTimeMillis);
        producer.setTransactionListener(listener);
        for (TxMessageProducerCustomizer customizer : customizers) {
            customizer.customize(producer);
            if (producer.getTransactionListener() != listener) {
                throw new IllegalStateException("TxMessageProducerCustomizer " + customizer.getClass().getName()
                        + " replaced the transaction listener: the LocalTransactionHandler beans would never run. "
                        + "Leave the listener to the starter (register a LocalTransactionHandler per scene)");
            }
        }
        try {
            producer.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("Could not start the transactional producer of group "
                    + producer.getProducerGroup(), e);
        }
        ProducerWarmUp.announce(producer, properties.getTopics());
        return producer;
    }
}
