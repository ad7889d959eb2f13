package io.tradekit.idempotent;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.ErrorCode;

/**
 * Thrown by {@link IdempotentToken} methods when the token is rejected: code
 * {@link CommonErrorCode#PARAM_INVALID} when it is missing or malformed,
 * {@link IdempotentErrorCode#IDEMPOTENCY_KEY_REUSED} when it was used with another request,
 * {@link CommonErrorCode#DUPLICATE_REQUEST} when it is unknown, used, expired, in use or another owner's.
 */
public class IdempotentTokenException extends BizException {

    private static final long serialVersionUID = 1L;

    private final ConsumeOutcome outcome;

    /**
     * Creates the exception for a rejected token.
     *
     * @param outcome why the token was rejected, never {@link ConsumeOutcome#CONSUMED}
     * @param scene   the scene the token was checked for (a validated name or a constant)
     */
    public IdempotentTokenException(ConsumeOutcome outcome, String scene) {
        super(errorCodeOf(outcome), describe(outcome, scene));
        this.outcome = outcome;
    }

    /** Why the token was rejected. */
    public ConsumeOutcome getOutcome() {
        return outcome;
    }

    /**
     * {@code PARAM_INVALID} for a missing or malformed token, {@code IDEMPOTENCY_KEY_REUSED} for a
     * fingerprint mismatch, {@code DUPLICATE_REQUEST} otherwise.
     */
    public static ErrorCode errorCodeOf(ConsumeOutcome outcome) {
        return switch (outcome) {
            case MISSING, MALFORMED -> CommonErrorCode.PARAM_INVALID;
            case FINGERPRINT_MISMATCH -> IdempotentErrorCode.IDEMPOTENCY_KEY_REUSED;
            default -> CommonErrorCode.DUPLICATE_REQUEST;
        };
    }

    /** A message for the caller that names no token value. */
    public static String describe(ConsumeOutcome outcome, String scene) {
        String where = TokenFormat.isValidScene(scene) ? " for scene " + scene : "";
        return switch (outcome) {
            case MISSING -> "The idempotency token is missing" + where + ".";
            case MALFORMED -> "The idempotency token is malformed" + where + ".";
            case OWNER_MISMATCH -> "The idempotency token belongs to another user" + where + ".";
            case NOT_FOUND -> "The idempotency token is unknown, already used or expired" + where
                    + ": the request was already submitted, get a new token to submit again.";
            case IN_PROGRESS -> "A request with this idempotency token is still being processed" + where
                    + ": wait for its answer.";
            case FINGERPRINT_MISMATCH -> "The idempotency token was already used" + where
                    + " with another request (method, path or body differ): use a new token for a new request.";
            case CONSUMED -> "The idempotency token was accepted" + where + ".";
        };
    }
}
