package io.tradekit.txmsg.consumer;

import io.tradekit.txmsg.support.PayloadCodec;
import io.tradekit.txmsg.support.TopicRoutes;
import io.tradekit.txmsg.support.TxMessageMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts one push consumer per {@link TransactionalMessageConsumer} bean, plus its dead-letter hook
 * once the group's dead-letter topic exists ({@link DeadLetterSubscriptions}).
 */
public final class ConsumerContainer implements SmartLifecycle {

    /** Suffix of the consumer group reading a group's dead-letter queue. */
    public static final String DEAD_LETTER_HOOK_SUFFIX = "-dlq-hook";

    private static final Logger log = LoggerFactory.getLogger(ConsumerContainer.class);

    private final List<TransactionalMessageConsumer<?>> consumers;
    private final List<DeadLetterHandler> deadLetterHandlers;
    private final IdempotencyStore store;
    private final PayloadCodec codec;
    private final TxMessageMetrics metrics;
    private final ConsumerSettings settings;
    /** Also appended to by the dead-letter watch thread, which never takes this container's lock. */
    private final List<DefaultMQPushConsumer> running = new CopyOnWriteArrayList<>();
    private final String instanceName = "tradekit-txmsg-consumer-" + UUID.randomUUID();
    private DeadLetterSubscriptions deadLetters;

    /** Creates the container; {@code store} may be null only when there are no consumers. */
    public ConsumerContainer(List<TransactionalMessageConsumer<?>> consumers, List<DeadLetterHandler> deadLetterHandlers,
                             IdempotencyStore store, PayloadCodec codec, TxMessageMetrics metrics,
                             ConsumerSettings settings) {
        if (!consumers.isEmpty() && store == null) {
            throw new IllegalStateException("TransactionalMessageConsumer beans need an IdempotencyStore bean: "
                    + "add a DataSource (JDBC store) or declare your own IdempotencyStore");
        }
        this.consumers = List.copyOf(consumers);
        this.deadLetterHandlers = List.copyOf(deadLetterHandlers);
        this.store = store;
        this.codec = codec;
        this.metrics = metrics;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        deadLetters = new DeadLetterSubscriptions(settings.routeRefreshInterval());
        try {
            for (TransactionalMessageConsumer<?> consumer : consumers) {
                int max = consumer.maxReconsumeTimes() >= 0 ? consumer.maxReconsumeTimes() : settings.maxReconsumeTimes();
                running.add(startOne(consumer.consumerGroup(), consumer.topic(), max, ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET,
                        new MessageRunner<>(consumer, store, codec, metrics, settings.retryDelayLevel())));
                if (settings.deadLetterHook()) {
                    String hookGroup = consumer.consumerGroup() + DEAD_LETTER_HOOK_SUFFIX;
                    DeadLetterRunner<?> hook = new DeadLetterRunner<>(consumer, deadLetterHandlers, store, codec, metrics,
                            hookGroup);
                    String topic = MixAll.getDLQTopic(consumer.consumerGroup());
                    deadLetters.add(topic, () -> subscribeDeadLetters(hookGroup, topic, hook));
                }
            }
            if (!running.isEmpty()) {
                MQClientInstance client = running.get(0).getDefaultMQPushConsumerImpl().getmQClientFactory();
                warnAboutMissingTopics(client);
                deadLetters.start(client);
            }
        } catch (MQClientException e) {
            stop();
            throw new IllegalStateException("Could not start the transactional message consumers", e);
        }
    }

    private void subscribeDeadLetters(String hookGroup, String topic, DeadLetterRunner<?> hook)
            throws MQClientException {
        running.add(startOne(hookGroup, topic, settings.maxReconsumeTimes(), ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET,
                hook));
    }

    /** A consumer's own topic missing is a set-up gap an operator must close (unlike a dead-letter topic). */
    private void warnAboutMissingTopics(MQClientInstance client) {
        for (TransactionalMessageConsumer<?> consumer : consumers) {
            if (TopicRoutes.lookup(client, consumer.topic()) == TopicRoutes.Route.MISSING) {
                log.warn("Topic {} of consumer group {} does not exist on name server {}: create it (mqadmin "
                        + "updateTopic; the dev broker: tradekit.dev-services.rocketmq.topics); the group reads it "
                        + "from its first route refresh after it appears", consumer.topic(), consumer.consumerGroup(),
                        settings.nameServer());
            }
        }
    }

    /** Dead-letter topics not subscribed yet because they do not exist (no dead letter so far). */
    public synchronized List<String> deadLetterTopicsWaiting() {
        List<String> waiting = new ArrayList<>();
        if (deadLetters != null) {
            waiting.addAll(deadLetters.waiting());
        }
        return waiting;
    }

    private DefaultMQPushConsumer startOne(String group, String topic, int maxReconsumeTimes, ConsumeFromWhere from,
                                           MessageListenerConcurrently listener) throws MQClientException {
        DefaultMQPushConsumer push = new DefaultMQPushConsumer(group);
        push.setNamesrvAddr(settings.nameServer());
        push.setInstanceName(instanceName);
        push.setMaxReconsumeTimes(maxReconsumeTimes);
        push.setConsumeFromWhere(from);
        push.setPollNameServerInterval((int) Math.max(100, settings.routeRefreshInterval().toMillis()));
        push.setHeartbeatBrokerInterval((int) Math.max(100, settings.heartbeatInterval().toMillis()));
        push.setConsumeThreadMin(settings.consumeThreads());
        push.setConsumeThreadMax(settings.consumeThreads());
        push.subscribe(topic, "*");
        push.registerMessageListener(listener);
        push.start();
        log.info("Transactional message consumer group {} subscribed to {}", group, topic);
        return push;
    }

    @Override
    public synchronized void stop() {
        if (deadLetters != null) {
            deadLetters.stop(); // waits for a subscription in progress: nothing is added after this
        }
        for (DefaultMQPushConsumer push : running) {
            try {
                push.shutdown();
            } catch (RuntimeException e) {
                log.warn("Consumer group {} did not shut down cleanly", push.getConsumerGroup(), e);
            }
        }
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }
}
