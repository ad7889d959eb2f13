package io.tradekit.txmsg.consumer;

import io.tradekit.core.log.LogSanitizer;
import io.tradekit.core.trace.TraceId;
import io.tradekit.txmsg.support.MessageTrace;
import io.tradekit.txmsg.support.PayloadCodec;
import io.tradekit.txmsg.support.SceneDispatchingTransactionListener;
import io.tradekit.txmsg.support.TxMessageMetrics;
import java.util.List;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads {@code %DLQ%<group>} and hands each dead letter to the consumer's hook and the handler beans. */
final class DeadLetterRunner<T> implements MessageListenerConcurrently {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRunner.class);

    private final TransactionalMessageConsumer<T> consumer;
    private final List<DeadLetterHandler> handlers;
    private final IdempotencyStore store;
    private final PayloadCodec codec;
    private final TxMessageMetrics metrics;
    private final String hookGroup;

    DeadLetterRunner(TransactionalMessageConsumer<T> consumer, List<DeadLetterHandler> handlers, IdempotencyStore store,
                     PayloadCodec codec, TxMessageMetrics metrics, String hookGroup) {
        this.consumer = consumer;
        this.handlers = handlers;
        this.store = store;
        this.codec = codec;
        this.metrics = metrics;
        this.hookGroup = hookGroup;
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        for (MessageExt message : messages) {
            // The dead letter keeps the user properties: its lines carry the id of the request behind it.
            try (TraceId.Scope trace = MessageTrace.open(message)) {
                if (!handle(message)) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    /** Returns false when the hook failed and the letter must come again. */
    private boolean handle(MessageExt message) {
        DeadLetter letter = toLetter(message);
        try {
            log.error("Dead letter in group {}: topic {}, key {}, msgId {}, after {} retries",
                    consumer.consumerGroup(), LogSanitizer.escape(letter.originalTopic()),
                    LogSanitizer.escape(letter.messageKey()), letter.msgId(), letter.reconsumeTimes());
            metrics.deadLetter(consumer.consumerGroup(), "arrived");
            boolean ran = store.runOnce(hookGroup, letter.messageKey(), () -> dispatch(letter));
            metrics.deadLetter(consumer.consumerGroup(), ran ? "handled" : "duplicate");
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Dead-letter hook of group {} failed on key {}, will retry", consumer.consumerGroup(),
                    LogSanitizer.escape(letter.messageKey()), e);
            return false;
        }
    }

    private void dispatch(DeadLetter letter) throws Exception {
        T payload = null;
        try {
            payload = codec.decode(letter.body(), consumer.payloadType());
        } catch (Exception e) {
            log.error("Dead letter of group {} has an unreadable body; hook gets a null payload",
                    consumer.consumerGroup());
        }
        consumer.onDeadLetter(payload, letter);
        for (DeadLetterHandler handler : handlers) {
            handler.onDeadLetter(letter);
        }
    }

    private DeadLetter toLetter(MessageExt message) {
        String originalTopic = message.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
        return new DeadLetter(consumer.consumerGroup(), originalTopic == null ? consumer.topic() : originalTopic,
                MessageRunner.keyOf(message), message.getMsgId(),
                message.getUserProperty(SceneDispatchingTransactionListener.SCENE_PROPERTY),
                message.getBody(), message.getReconsumeTimes());
    }
}
