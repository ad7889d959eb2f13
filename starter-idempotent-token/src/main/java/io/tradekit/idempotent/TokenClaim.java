package io.tradekit.idempotent;

import java.util.Objects;

/**
 * The answer of {@link IdempotentTokenService#claim}: the outcome and, when the token was claimed,
 * what {@link IdempotentTokenService#complete} and {@link IdempotentTokenService#release} need to
 * finish exactly this claim (and no later one).
 */
public final class TokenClaim {

    private final ConsumeOutcome outcome;
    private final String key;
    private final String claimId;

    TokenClaim(ConsumeOutcome outcome, String key, String claimId) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.key = key;
        this.claimId = claimId;
    }

    static TokenClaim rejected(ConsumeOutcome outcome) {
        return new TokenClaim(outcome, null, null);
    }

    /** Why the token was claimed or rejected; {@link ConsumeOutcome#CONSUMED} when claimed. */
    public ConsumeOutcome outcome() {
        return outcome;
    }

    /** Whether this request holds the token now and may proceed. */
    public boolean isClaimed() {
        return outcome.isConsumed();
    }

    String key() {
        return key;
    }

    String claimId() {
        return claimId;
    }

    @Override
    public String toString() {
        // Never the key: it contains the token.
        return "TokenClaim[" + outcome + "]";
    }
}
