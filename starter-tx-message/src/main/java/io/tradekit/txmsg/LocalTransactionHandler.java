package io.tradekit.txmsg;

import org.springframework.core.ResolvableType;

/**
 * The local transaction of one scene: run after the half message is stored, and asked again by the
 * broker's check-back when the outcome was not reported.
 *
 * <p>Register implementations as Spring beans; each {@link #scene()} must be unique in the application.
 *
 * @param <T> the payload type, serialized as JSON in the message body
 */
public interface LocalTransactionHandler<T> {

    /** The scene this handler serves, e.g. {@code "ORDER_CREATE"}. */
    String scene();

    /**
     * Runs the local transaction (e.g. deduct stock in Redis and write a stream record).
     * A {@link io.tradekit.core.error.BizException} means "refused, nothing changed" and rolls the
     * message back; any other exception is ambiguous and reported as {@link TransactionOutcome#UNKNOWN},
     * so {@link #check} decides. Returning {@code null} is UNKNOWN as well.
     */
    TransactionOutcome execute(T payload) throws Exception;

    /**
     * Answers the broker's check-back by looking at the real state (e.g. is the stream record in
     * Redis?). An exception or {@code null} answers UNKNOWN: the broker asks again later.
     */
    TransactionOutcome check(T payload) throws Exception;

    /** The payload class used to read the body at check-back; by default the resolved type argument. */
    @SuppressWarnings("unchecked")
    default Class<T> payloadType() {
        Class<?> resolved = ResolvableType.forClass(getClass()).as(LocalTransactionHandler.class).resolveGeneric(0);
        return (Class<T>) resolved;
    }
}
