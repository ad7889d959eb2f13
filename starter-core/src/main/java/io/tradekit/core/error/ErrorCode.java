package io.tradekit.core.error;

/**
 * A stable failure identifier plus a default human-readable message, implemented by
 * {@link CommonErrorCode} and by each application's own enums, and carried by
 * {@link TradekitException}.
 */
public interface ErrorCode {

    /**
     * Returns the machine-readable code, stable across releases because clients branch on it.
     *
     * @return the code, never {@code null}
     */
    String getCode();

    /**
     * Returns the default message used when a failure does not supply a more specific one.
     *
     * @return the message, never {@code null}
     */
    String getMessage();
}
