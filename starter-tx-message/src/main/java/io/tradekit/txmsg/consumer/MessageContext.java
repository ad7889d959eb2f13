package io.tradekit.txmsg.consumer;

/**
 * Facts about the message being consumed.
 *
 * @param topic          the topic
 * @param consumerGroup  the consumer group
 * @param messageKey     the key the idempotency guard uses
 * @param msgId          the message id
 * @param scene          the scene the producer sent it under, or {@code null}
 * @param reconsumeTimes how many times it was redelivered after a failure (0 the first time)
 */
public record MessageContext(String topic, String consumerGroup, String messageKey, String msgId, String scene,
                             int reconsumeTimes) {
}
