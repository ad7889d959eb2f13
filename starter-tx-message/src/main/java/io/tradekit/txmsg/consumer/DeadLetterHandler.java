package io.tradekit.txmsg.consumer;

/**
 * Called for every dead letter of every {@link TransactionalMessageConsumer} group, e.g. to alert
 * and compensate (give the Redis stock back). Register as a bean; an exception retries the dead letter.
 */
@FunctionalInterface
public interface DeadLetterHandler {

    /** Handles one dead letter; must be idempotent (dead letters are delivered at least once too). */
    void onDeadLetter(DeadLetter letter) throws Exception;
}
