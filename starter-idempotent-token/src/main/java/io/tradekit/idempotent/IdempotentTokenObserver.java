package io.tradekit.idempotent;

/**
 * Told of every issued, consumed and rejected token by {@link IdempotentTokenService}, for metrics
 * (the auto-configuration registers a Micrometer one when a {@code MeterRegistry} exists). Must be
 * fast and must not throw.
 */
public interface IdempotentTokenObserver {

    /** An observer that does nothing. */
    IdempotentTokenObserver NONE = new IdempotentTokenObserver() {
    };

    /**
     * A token was stored.
     *
     * @param scene the scene (a validated name)
     */
    default void issued(String scene) {
    }

    /**
     * A token was spent.
     *
     * @param scene the scene (a validated name)
     */
    default void consumed(String scene) {
    }

    /**
     * A token was rejected.
     *
     * @param outcome why, never {@link ConsumeOutcome#CONSUMED}
     */
    default void rejected(ConsumeOutcome outcome) {
    }

    /** The store could not answer a consume; the request was rejected (fail closed). */
    default void unavailable() {
    }
}
