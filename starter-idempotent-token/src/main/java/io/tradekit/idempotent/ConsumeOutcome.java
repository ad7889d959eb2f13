package io.tradekit.idempotent;

/**
 * Why {@link IdempotentTokenService#tryConsume} accepted or rejected a token, so that an entry
 * point can answer precisely (HTTP 400 for {@link #MISSING}/{@link #MALFORMED}, 422 for
 * {@link #FINGERPRINT_MISMATCH}, 409 for the others).
 */
public enum ConsumeOutcome {

    /** The token existed for this scene and owner, and is now deleted: the request may proceed. */
    CONSUMED,

    /** No token was given (null or empty); Redis was not asked. */
    MISSING,

    /** The token is not a canonical UUID or the scene is not a valid scene name; Redis was not asked. */
    MALFORMED,

    /** No such token for this scene: never issued, already used, expired, or issued for another scene. */
    NOT_FOUND,

    /** The token is bound to another owner (or to an owner while none was given); it stays unspent. */
    OWNER_MISMATCH,

    /** The token is claimed by a request with the same fingerprint that is still being processed. */
    IN_PROGRESS,

    /**
     * The token was claimed or spent by a request with another fingerprint (method, path, body); it is
     * left as it was.
     */
    FINGERPRINT_MISMATCH;

    /** Whether the request may proceed. */
    public boolean isConsumed() {
        return this == CONSUMED;
    }
}
