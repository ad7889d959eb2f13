package io.tradekit.idempotent;

import io.tradekit.core.error.ErrorCode;

/**
 * The error codes of this starter beyond {@link io.tradekit.core.error.CommonErrorCode}; see
 * {@link IdempotentTokenException#errorCodeOf(ConsumeOutcome)}.
 */
public enum IdempotentErrorCode implements ErrorCode {

    /**
     * The idempotency key was presented with another request than the one it was first used with
     * (HTTP 422, as the IETF Idempotency-Key draft asks).
     */
    IDEMPOTENCY_KEY_REUSED("The idempotency key was already used with another request."),

    /** The request body is larger than {@code tradekit.idempotent.max-body-size} (HTTP 413). */
    IDEMPOTENT_BODY_TOO_LARGE("The request body is too large to be checked for duplicates."),

    /** The request body cannot be fingerprinted, e.g. multipart (HTTP 415). */
    IDEMPOTENT_BODY_UNSUPPORTED("The request body type cannot be checked for duplicates.");

    private final String message;

    IdempotentErrorCode(String message) {
        this.message = message;
    }

    @Override
    public String getCode() {
        return name();
    }

    @Override
    public String getMessage() {
        return message;
    }
}
