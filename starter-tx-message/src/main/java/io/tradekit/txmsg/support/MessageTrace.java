package io.tradekit.txmsg.support;

import io.tradekit.core.trace.TraceId;
import org.apache.rocketmq.common.message.Message;

/**
 * Carries the sender's trace id in the message's user property {@value #PROPERTY}, and restores it
 * for the code that handles the message: the consumer, the dead-letter hook and the check-back. So the
 * log lines of a request and of everything its message causes share one id, on whatever instance.
 *
 * <p>A received id is hostile input like any other ({@link TraceId#open(String)} replaces a malformed
 * or absent one by a new id), and the scope is closed after each message, so a pooled consumer or
 * check-back thread never carries one message's id into the next.
 */
public final class MessageTrace {

    /** The user property holding the trace id: {@link TraceId#PROPAGATION_KEY}, as the Dubbo attachment. */
    public static final String PROPERTY = TraceId.PROPAGATION_KEY;

    private MessageTrace() {
    }

    /**
     * Puts the current trace id into the message, when the thread has one.
     *
     * @param message the message about to be sent
     */
    public static void propagate(Message message) {
        String traceId = TraceId.current();
        if (TraceId.isValid(traceId)) {
            message.putUserProperty(PROPERTY, traceId);
        }
    }

    /**
     * Sets the message's trace id (or a new one) on this thread until the scope is closed.
     *
     * @param message the received message
     * @return the scope to close after handling the message
     */
    public static TraceId.Scope open(Message message) {
        return TraceId.open(message.getUserProperty(PROPERTY));
    }
}
