package io.tradekit.txmsg.consumer;

import java.nio.charset.StandardCharsets;

/**
 * A message that exhausted its retries and landed in {@code %DLQ%<consumerGroup>}.
 *
 * @param consumerGroup  the group that failed to consume it
 * @param originalTopic  the topic it was first sent to
 * @param messageKey     its message key
 * @param msgId          its message id
 * @param scene          the producer's scene, or {@code null}
 * @param body           the raw body (JSON)
 * @param reconsumeTimes the retries it went through
 */
public record DeadLetter(String consumerGroup, String originalTopic, String messageKey, String msgId, String scene,
                         byte[] body, int reconsumeTimes) {

    /** The body as UTF-8 text. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
