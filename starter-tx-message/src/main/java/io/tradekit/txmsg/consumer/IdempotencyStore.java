package io.tradekit.txmsg.consumer;

/**
 * Remembers which messages a consumer group already handled, and runs the work only for new ones.
 * Implementations must record the key atomically with the work (same database transaction), or
 * document what they give up.
 */
public interface IdempotencyStore {

    /**
     * Runs {@code work} once per (consumerGroup, messageKey): returns {@code true} when it ran and was
     * recorded, {@code false} when the pair was already recorded (the work did not run). When the work
     * throws, nothing is recorded and the exception propagates (the message is retried).
     */
    boolean runOnce(String consumerGroup, String messageKey, Work work) throws Exception;

    /** The consumer's work for one message. */
    @FunctionalInterface
    interface Work {
        /** Does the work. */
        void run() throws Exception;
    }
}
