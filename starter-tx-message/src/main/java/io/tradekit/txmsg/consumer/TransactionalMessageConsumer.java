package io.tradekit.txmsg.consumer;

import java.util.Objects;

/**
 * Base class of a consumer of transactional messages: extend it and register the subclass as a
 * bean; the starter subscribes it to its topic in its consumer group. Each message runs
 * {@link #consume} at most once per (group, message key) behind the {@link IdempotencyStore}
 * (JDBC: same database transaction as the work). A thrown exception retries the message, up to
 * the max reconsume times; then it lands in {@code %DLQ%<group>} and {@link #onDeadLetter} runs.
 *
 * @param <T> the payload type (JSON body)
 */
public abstract class TransactionalMessageConsumer<T> {

    private final String topic;
    private final String consumerGroup;
    private final Class<T> payloadType;

    /** Creates the consumer of {@code topic} in {@code consumerGroup}, reading bodies as {@code payloadType}. */
    protected TransactionalMessageConsumer(String topic, String consumerGroup, Class<T> payloadType) {
        this.topic = requireName("topic", topic);
        this.consumerGroup = requireName("consumerGroup", consumerGroup);
        this.payloadType = Objects.requireNonNull(payloadType, "payloadType");
    }

    /** Does the work of one message; with the JDBC store it runs inside the store's transaction. */
    protected abstract void consume(T payload, MessageContext context) throws Exception;

    /**
     * Called once the message exhausted its retries (alert, compensate). {@code payload} is
     * {@code null} when the body could not be read. Default: nothing (the ERROR log and the
     * {@link DeadLetterHandler} beans still run).
     */
    protected void onDeadLetter(T payload, DeadLetter letter) throws Exception {
        // nothing by default
    }

    /** Max reconsume times of this consumer; negative means {@code tradekit.txmsg.consumer.max-reconsume-times}. */
    public int maxReconsumeTimes() {
        return -1;
    }

    /** The subscribed topic. */
    public final String topic() {
        return topic;
    }

    /** The consumer group. */
    public final String consumerGroup() {
        return consumerGroup;
    }

    /** The payload class. */
    public final Class<T> payloadType() {
        return payloadType;
    }

    private static String requireName(String what, String value) {
        if (value == null || !value.matches("^[a-zA-Z0-9_-]{1,100}$")) {
            throw new IllegalArgumentException(what + " must match [a-zA-Z0-9_-]{1,100}");
        }
        return value;
    }
}
