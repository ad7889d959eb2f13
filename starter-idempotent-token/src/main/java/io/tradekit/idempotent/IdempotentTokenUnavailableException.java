package io.tradekit.idempotent;

import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.SystemException;

/**
 * Thrown when the token store (Redis) cannot be reached or answers with an error: code
 * {@link CommonErrorCode#SERVICE_UNAVAILABLE}. {@link IdempotentTokenService} fails closed: no token
 * is ever treated as valid when the store cannot confirm it.
 */
public class IdempotentTokenUnavailableException extends SystemException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming no token value
     * @param cause   the client's exception, or {@code null}
     */
    public IdempotentTokenUnavailableException(String message, Throwable cause) {
        super(CommonErrorCode.SERVICE_UNAVAILABLE, message, cause);
    }

    /** Whether the Redis breaker refused the call without touching Redis (nothing to log per request). */
    public boolean isRefused() {
        return getCause() instanceof ServerUnavailableException unavailable && unavailable.isRefused();
    }

    /** The {@code Retry-After} of the answer, in seconds: the breaker's open duration, else 1. */
    public long getRetryAfterSeconds() {
        return getCause() instanceof ServerUnavailableException unavailable ? unavailable.getRetryAfterSeconds() : 1;
    }
}
