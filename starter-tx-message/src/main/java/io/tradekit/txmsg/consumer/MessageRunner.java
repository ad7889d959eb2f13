package io.tradekit.txmsg.consumer;

import io.tradekit.core.degrade.OutageLog;
import io.tradekit.core.log.LogSanitizer;
import io.tradekit.core.trace.TraceId;
import io.tradekit.txmsg.support.MessageTrace;
import io.tradekit.txmsg.support.PayloadCodec;
import io.tradekit.txmsg.support.SceneDispatchingTransactionListener;
import io.tradekit.txmsg.support.TxMessageMetrics;
import java.time.Duration;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs one consumer's messages behind the idempotency guard; a failure asks for a retry. */
final class MessageRunner<T> implements MessageListenerConcurrently {

    private static final Logger log = LoggerFactory.getLogger(MessageRunner.class);

    private final TransactionalMessageConsumer<T> consumer;
    private final IdempotencyStore store;
    private final PayloadCodec codec;
    private final TxMessageMetrics metrics;
    private final int retryDelayLevel;
    /** While a server is down every message fails the same way: a count a minute, not a stack trace each. */
    private final OutageLog outage = new OutageLog(log, "Consumer deliveries (will retry)", Duration.ofMinutes(1));

    MessageRunner(TransactionalMessageConsumer<T> consumer, IdempotencyStore store, PayloadCodec codec,
                  TxMessageMetrics metrics, int retryDelayLevel) {
        this.consumer = consumer;
        this.store = store;
        this.codec = codec;
        this.metrics = metrics;
        this.retryDelayLevel = retryDelayLevel;
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        for (MessageExt message : messages) {
            // The id of the request that sent the message, for this message only (a pooled thread).
            try (TraceId.Scope trace = MessageTrace.open(message)) {
                if (!consumeOne(message, context)) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    /** Returns false when the message failed and must come again. */
    private boolean consumeOne(MessageExt message, ConsumeConcurrentlyContext context) {
        String group = consumer.consumerGroup();
        long start = System.nanoTime();
        try {
            boolean ran = handle(message);
            metrics.consume(group, ran ? "done" : "duplicate");
            if (log.isInfoEnabled()) {
                // One line per message once its work committed (or was found done): the consumer's
                // part of a trace, e.g. the order written for a buy.
                log.info("Consumer group {} {} message key {} (scene {}, attempt {}) in {} ms", group,
                        ran ? "handled" : "skipped duplicate", LogSanitizer.escape(keyOf(message)),
                        LogSanitizer.escape(message.getUserProperty(SceneDispatchingTransactionListener.SCENE_PROPERTY)),
                        message.getReconsumeTimes() + 1, (System.nanoTime() - start) / 1_000_000);
            }
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            metrics.consume(group, "failed");
            if (OutageLog.isUnavailable(e)) {
                outage.record(e);
            } else {
                log.warn("Consumer group {} failed on message key {} (attempt {}), will retry", group,
                        LogSanitizer.escape(keyOf(message)), message.getReconsumeTimes() + 1, e);
            }
            if (retryDelayLevel > 0) {
                context.setDelayLevelWhenNextConsume(retryDelayLevel);
            }
            return false;
        }
    }

    /** Returns whether the work ran (false: a duplicate). */
    boolean handle(MessageExt message) throws Exception {
        if (message.getReconsumeTimes() > 0) {
            metrics.consume(consumer.consumerGroup(), "retry");
        }
        T payload = codec.decode(message.getBody(), consumer.payloadType());
        MessageContext context = new MessageContext(message.getTopic(), consumer.consumerGroup(), keyOf(message),
                message.getMsgId(), message.getUserProperty(SceneDispatchingTransactionListener.SCENE_PROPERTY),
                message.getReconsumeTimes());
        return store.runOnce(consumer.consumerGroup(), context.messageKey(), () -> consumer.consume(payload, context));
    }

    static String keyOf(MessageExt message) {
        String keys = message.getKeys();
        return keys == null || keys.isBlank() ? message.getMsgId() : keys;
    }
}
