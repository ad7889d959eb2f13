package io.tradekit.idempotent;

/**
 * Why {@link IdempotentTokenService#tryConsume} accepted or rejected a token, so that an entry
 * point can answer precisely (HTTP 400 for {@link #MISSING}/{@link #MALFORMED}, 409 for the others).
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
    OWNER_MISMATCH;

    /** Whether the request may proceed. */
    public boolean isConsumed() {
        return this == CONSUMED;
    }
}
