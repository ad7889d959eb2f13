package io.tradekit.idempotent;

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
}
