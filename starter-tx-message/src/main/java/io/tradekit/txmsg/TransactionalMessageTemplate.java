package io.tradekit.txmsg;

import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.trace.TraceId;
import io.tradekit.txmsg.support.HandlerRegistry;
import io.tradekit.txmsg.support.LocalInvocation;
import io.tradekit.txmsg.support.MessageTrace;
import io.tradekit.txmsg.support.PayloadCodec;
import io.tradekit.txmsg.support.RocketMqFaults;
import io.tradekit.txmsg.support.SceneDispatchingTransactionListener;
import io.tradekit.txmsg.support.TxMessageMetrics;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;

/**
 * Sends a RocketMQ transactional message: half message first (invisible to consumers), then the
 * scene's {@link LocalTransactionHandler#execute}, then COMMIT, ROLLBACK or UNKNOWN to the broker.
 *
 * <p>With a breaker (the {@code rocketmq} one of {@code ServerBreakers}, given by the
 * auto-configuration), a send that fails because the name server or broker is unreachable throws
 * {@link ServerUnavailableException} ({@code SERVICE_UNAVAILABLE}, HTTP 503), and once the breaker
 * is open further sends are refused at once, without waiting for the send timeout each time. Either
 * way the local transaction did not run: nothing changed. After a timeout the half message may have been
 * stored all the same (its reply was late, see {@code BrokerNetworkFaultTests}); the check-back finds the
 * local transaction not done and rolls it back.
 */
public class TransactionalMessageTemplate {

    private static final Pattern NAME = Pattern.compile("^[%|a-zA-Z0-9_-]{1,127}$");
    private static final Pattern KEY = Pattern.compile("^[\\x21-\\x7e]{1,128}$");

    private final TransactionMQProducer producer;
    private final HandlerRegistry registry;
    private final PayloadCodec codec;
    private final TxMessageMetrics metrics;
    private final int maxPayloadBytes;
    private final ServerBreaker breaker;

    /** Creates the template over a started producer whose listener dispatches on {@code registry}, without a breaker. */
    public TransactionalMessageTemplate(TransactionMQProducer producer, HandlerRegistry registry, PayloadCodec codec,
                                        TxMessageMetrics metrics, int maxPayloadBytes) {
        this(producer, registry, codec, metrics, maxPayloadBytes, null);
    }

    /**
     * Creates the template whose sends go through {@code breaker} (the broker's, usually
     * {@code ServerBreakers.breaker("rocketmq")}); {@code null} for none.
     */
    public TransactionalMessageTemplate(TransactionMQProducer producer, HandlerRegistry registry, PayloadCodec codec,
                                        TxMessageMetrics metrics, int maxPayloadBytes, ServerBreaker breaker) {
        this.breaker = breaker;
        this.producer = producer;
        this.registry = registry;
        this.codec = codec;
        this.metrics = metrics;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** Sends with a generated message key (a random UUID). */
    public TransactionalSendResult send(String topic, String scene, Object payload) {
        return send(topic, scene, UUID.randomUUID().toString(), payload);
    }

    /**
     * Sends {@code payload} (as JSON) to {@code topic} and runs the scene's local transaction.
     *
     * @param key the message key consumers deduplicate on (printable ASCII, no spaces, at most 128 chars)
     * @return the half message's status and ids, and the local outcome (UNKNOWN: the check-back decides)
     * @throws TransactionalMessageException PARAM_INVALID for bad input or an unknown scene (nothing sent);
     *                                       SYSTEM_ERROR when the half message could not be stored
     *                                       (the local transaction did not run)
     * @throws ServerUnavailableException    with a breaker: SERVICE_UNAVAILABLE when the name server or
     *                                       broker is unreachable or the breaker is open (the local
     *                                       transaction did not run; a half message stored despite a
     *                                       timeout is rolled back by the check-back)
     */
    public TransactionalSendResult send(String topic, String scene, String key, Object payload) {
        requireName("topic", topic);
        if (scene == null || scene.isBlank()) {
            throw invalid("scene must not be blank");
        }
        LocalTransactionHandler<?> handler = registry.find(scene);
        if (handler == null) {
            throw invalid("no LocalTransactionHandler for scene '" + abbreviate(scene) + "'");
        }
        if (key == null || !KEY.matcher(key).matches()) {
            throw invalid("key must be 1-128 printable ASCII characters without spaces");
        }
        if (payload == null) {
            throw invalid("payload must not be null");
        }
        if (!handler.payloadType().isInstance(payload)) {
            throw invalid("payload of scene " + scene + " must be a " + handler.payloadType().getName());
        }
        byte[] body;
        try {
            body = codec.encode(payload);
        } catch (Exception e) {
            throw new TransactionalMessageException(CommonErrorCode.PARAM_INVALID,
                    "payload of scene " + scene + " cannot be serialized as JSON", e);
        }
        if (body.length > maxPayloadBytes) {
            throw invalid("payload of scene " + scene + " is " + body.length + " bytes, above the limit of "
                    + maxPayloadBytes);
        }
        // A sender without a trace id (a job) gets one for the send, so the local transaction's log
        // lines and the consumer's share it; it is removed again after the send.
        TraceId.Scope trace = TraceId.current() == null ? TraceId.open(null) : null;
        Message message = new Message(topic, body);
        message.setKeys(key);
        message.putUserProperty(SceneDispatchingTransactionListener.SCENE_PROPERTY, scene);
        MessageTrace.propagate(message);
        LocalInvocation invocation = new LocalInvocation(handler, payload);
        TransactionSendResult sent;
        try {
            sent = breaker == null ? producer.sendMessageInTransaction(message, invocation)
                    : breaker.call(() -> producer.sendMessageInTransaction(message, invocation),
                            RocketMqFaults::isServerFault);
        } catch (ServerUnavailableException refused) {
            metrics.send(scene, "REFUSED");
            throw refused;
        } catch (MQClientException | RuntimeException e) {
            metrics.send(scene, "FAILED");
            if (breaker != null && RocketMqFaults.isServerFault(e)) {
                throw breaker.unavailable(e);
            }
            throw new TransactionalMessageException(CommonErrorCode.SYSTEM_ERROR,
                    "half message of scene " + scene + " to " + topic + " could not be sent", e);
        } finally {
            if (trace != null) {
                trace.close();
            }
        }
        if (sent.getSendStatus() != SendStatus.SEND_OK || invocation.outcome() == null) {
            metrics.send(scene, "FAILED");
            throw new TransactionalMessageException(CommonErrorCode.SYSTEM_ERROR, "half message of scene " + scene
                    + " to " + topic + " was not stored (" + sent.getSendStatus() + "); local transaction not run",
                    null);
        }
        metrics.send(scene, invocation.outcome().name());
        return new TransactionalSendResult(sent.getSendStatus(), sent.getMsgId(), sent.getTransactionId(), key,
                invocation.outcome(), invocation.failure());
    }

    /** The breaker the sends go through, or {@code null} for none. */
    public ServerBreaker breaker() {
        return breaker;
    }

    private static void requireName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw invalid(what + " must match [%|a-zA-Z0-9_-]{1,127}");
        }
    }

    private static String abbreviate(String value) {
        String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return cut.replaceAll("[\\r\\n]", "_");
    }

    private static TransactionalMessageException invalid(String message) {
        return new TransactionalMessageException(CommonErrorCode.PARAM_INVALID, message, null);
    }
}
