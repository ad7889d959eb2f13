package io.tradekit.txmsg.support;

import io.tradekit.core.degrade.OutageLog;
import io.tradekit.core.error.BizException;
import io.tradekit.core.log.LogSanitizer;
import io.tradekit.core.trace.TraceId;
import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionOutcome;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one transaction listener of the producer group: runs and checks local transactions by
 * dispatching on the scene carried in the message property {@value #SCENE_PROPERTY}.
 */
public final class SceneDispatchingTransactionListener implements TransactionListener {

    /** User property holding the scene of a transactional message. */
    public static final String SCENE_PROPERTY = "TRADEKIT_SCENE";

    private static final Logger log = LoggerFactory.getLogger(SceneDispatchingTransactionListener.class);
    /** While a server is down every check-back fails the same way: a count a minute, not a stack trace each. */
    private static final OutageLog CHECK_OUTAGE = new OutageLog(log, "Check-backs", Duration.ofMinutes(1));
    private static final OutageLog EXECUTE_OUTAGE = new OutageLog(log, "Local transactions (left to check-back)",
            Duration.ofMinutes(1));

    private final HandlerRegistry registry;
    private final PayloadCodec codec;
    private final TxMessageMetrics metrics;
    private final long undecidedWindowMillis;
    private final LongSupplier clock;

    /** Creates the listener over the registered handlers, without an undecided window. */
    public SceneDispatchingTransactionListener(HandlerRegistry registry, PayloadCodec codec, TxMessageMetrics metrics) {
        this(registry, codec, metrics, Duration.ZERO, System::currentTimeMillis);
    }

    /**
     * Creates the listener over the registered handlers.
     *
     * @param undecidedWindow how long after the send a ROLLBACK of a check-back is answered UNKNOWN (0: never)
     * @param clock           epoch milliseconds (the clock the half messages' born timestamps are on)
     */
    public SceneDispatchingTransactionListener(HandlerRegistry registry, PayloadCodec codec, TxMessageMetrics metrics,
                                               Duration undecidedWindow, LongSupplier clock) {
        this.registry = registry;
        this.codec = codec;
        this.metrics = metrics;
        this.undecidedWindowMillis = undecidedWindow.toMillis();
        this.clock = clock;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
        if (!(arg instanceof LocalInvocation invocation)) {
            log.error("Transactional message on {} sent without a tradekit invocation: rolled back",
                    LogSanitizer.escape(msg.getTopic()));
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        if (undecidedWindowMillis > 0 && clock.getAsLong() - invocation.sentAtMillis() >= undecidedWindowMillis) {
            // Too late to start: a check-back may already have answered ROLLBACK for this message.
            log.error("Local transaction of scene {} (key {}) not run: its half message is older than the undecided"
                    + " window ({} ms); rolled back", invocation.handler().scene(), LogSanitizer.escape(msg.getKeys()),
                    undecidedWindowMillis);
            invocation.record(TransactionOutcome.ROLLBACK, null);
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        TransactionOutcome outcome;
        Throwable failure = null;
        try {
            outcome = invocation.handler().execute(invocation.payload());
            if (outcome == null) {
                outcome = TransactionOutcome.UNKNOWN;
            }
        } catch (BizException e) {
            outcome = TransactionOutcome.ROLLBACK;
            failure = e;
        } catch (Exception | Error e) {
            outcome = TransactionOutcome.UNKNOWN;
            failure = e;
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (OutageLog.isUnavailable(e)) {
                EXECUTE_OUTAGE.record(e);
            } else {
                log.warn("Local transaction of scene {} (key {}) failed ambiguously, left to check-back",
                        invocation.handler().scene(), LogSanitizer.escape(msg.getKeys()), e);
            }
        }
        long took = clock.getAsLong() - invocation.sentAtMillis();
        if (undecidedWindowMillis > 0 && took >= undecidedWindowMillis && outcome == TransactionOutcome.COMMIT) {
            // The broker may have asked meanwhile and been told ROLLBACK: then this commit is ignored and the
            // effect of the local transaction stands without its message. Reconciliation has to find it.
            log.error("Local transaction of scene {} (key {}) committed {} ms after its half message, beyond the"
                    + " undecided window ({} ms): a check-back may have rolled the message back; reconcile",
                    invocation.handler().scene(), LogSanitizer.escape(msg.getKeys()), took, undecidedWindowMillis);
            metrics.lateCommit(invocation.handler().scene());
        }
        invocation.record(outcome, failure);
        return toState(outcome);
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt msg) {
        // The check-back runs on a thread of the client's pool: the id of the request that sent the
        // message, for this check only.
        try (TraceId.Scope trace = MessageTrace.open(msg)) {
            return checkTraced(msg);
        }
    }

    private LocalTransactionState checkTraced(MessageExt msg) {
        String scene = msg.getUserProperty(SCENE_PROPERTY);
        LocalTransactionHandler<?> handler = registry.find(scene);
        if (handler == null) {
            log.error("Check-back for unknown scene '{}' (topic {}, key {}): rolled back",
                    LogSanitizer.escape(scene), LogSanitizer.escape(msg.getTopic()), LogSanitizer.escape(msg.getKeys()));
            metrics.check("unknown", TransactionOutcome.ROLLBACK.name());
            return LocalTransactionState.ROLLBACK_MESSAGE;
        }
        TransactionOutcome answer;
        try {
            answer = check(handler, msg.getBody());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (OutageLog.isUnavailable(e)) {
                CHECK_OUTAGE.record(e);
            } else {
                log.error("Check-back of scene {} (key {}) failed, answering UNKNOWN", scene,
                        LogSanitizer.escape(msg.getKeys()), e);
            }
            answer = TransactionOutcome.UNKNOWN;
        }
        if (answer == TransactionOutcome.ROLLBACK && undecided(msg)) {
            // Not found yet may mean not committed yet: ask again at the broker's next check.
            log.debug("Check-back of scene {} (key {}): not done yet and still within the undecided window, UNKNOWN",
                    scene, LogSanitizer.escape(msg.getKeys()));
            answer = TransactionOutcome.UNKNOWN;
        }
        metrics.check(scene, answer.name());
        return toState(answer);
    }

    /** Whether the message is young enough that its local transaction may still be running. */
    private boolean undecided(MessageExt msg) {
        return undecidedWindowMillis > 0 && msg.getBornTimestamp() > 0
                && clock.getAsLong() - msg.getBornTimestamp() < undecidedWindowMillis;
    }

    private <T> TransactionOutcome check(LocalTransactionHandler<T> handler, byte[] body) throws Exception {
        T payload = codec.decode(body, handler.payloadType());
        TransactionOutcome answer = handler.check(payload);
        return answer == null ? TransactionOutcome.UNKNOWN : answer;
    }

    static LocalTransactionState toState(TransactionOutcome outcome) {
        return switch (outcome) {
            case COMMIT -> LocalTransactionState.COMMIT_MESSAGE;
            case ROLLBACK -> LocalTransactionState.ROLLBACK_MESSAGE;
            case UNKNOWN -> LocalTransactionState.UNKNOW;
        };
    }
}
