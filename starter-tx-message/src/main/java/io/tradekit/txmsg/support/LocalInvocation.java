package io.tradekit.txmsg.support;

import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionOutcome;

/** The argument handed from the template to the listener for one send; records the local outcome. */
public final class LocalInvocation {

    private final LocalTransactionHandler<Object> handler;
    private final Object payload;
    private final long sentAtMillis;
    private TransactionOutcome outcome;
    private Throwable failure;

    /** Creates the invocation of a handler with its payload, about to be sent now. */
    public LocalInvocation(LocalTransactionHandler<?> handler, Object payload) {
        this(handler, payload, System.currentTimeMillis());
    }

    /** Creates the invocation of a handler with its payload, whose half message is sent at {@code sentAtMillis}. */
    @SuppressWarnings("unchecked")
    public LocalInvocation(LocalTransactionHandler<?> handler, Object payload, long sentAtMillis) {
        this.handler = (LocalTransactionHandler<Object>) handler;
        this.payload = payload;
        this.sentAtMillis = sentAtMillis;
    }

    /** When the send of the half message began (epoch millis): what a check-back's age is measured from. */
    long sentAtMillis() {
        return sentAtMillis;
    }

    LocalTransactionHandler<Object> handler() {
        return handler;
    }

    Object payload() {
        return payload;
    }

    void record(TransactionOutcome outcome, Throwable failure) {
        this.outcome = outcome;
        this.failure = failure;
    }

    /** The outcome reported to the broker, or {@code null} when the local transaction did not run. */
    public TransactionOutcome outcome() {
        return outcome;
    }

    /** The exception thrown by the local transaction, or {@code null}. */
    public Throwable failure() {
        return failure;
    }
}
