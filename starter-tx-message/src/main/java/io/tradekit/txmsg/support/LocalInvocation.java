package io.tradekit.txmsg.support;

import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionOutcome;

/** The argument handed from the template to the listener for one send; records the local outcome. */
public final class LocalInvocation {

    private final LocalTransactionHandler<Object> handler;
    private final Object payload;
    private TransactionOutcome outcome;
    private Throwable failure;

    /** Creates the invocation of a handler with its payload. */
    @SuppressWarnings("unchecked")
    public LocalInvocation(LocalTransactionHandler<?> handler, Object payload) {
        this.handler = (LocalTransactionHandler<Object>) handler;
        this.payload = payload;
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
