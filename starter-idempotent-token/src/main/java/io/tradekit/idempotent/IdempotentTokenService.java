package io.tradekit.idempotent;

import io.tradekit.idempotent.store.IdempotentTokenStore;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Issues one-use tokens (random UUIDs) per scene and spends them atomically; the store is an
 * {@link IdempotentTokenStore}, by default Redis through one shared Lettuce connection.
 *
 * <p>Keys are {@code prefix + token + ":" + scene}. Tokens must be canonical UUIDs and scenes
 * 1–64 characters of {@code [A-Za-z0-9_.-]}: anything else is rejected before the store is asked,
 * so hostile text never reaches Redis. A token may be bound to an owner (the user id): then only
 * that owner can spend it, and a wrong owner's attempt leaves it unspent.
 *
 * <pre>{@code
 * String token = tokens.issue("orderList", userId);            // when the order page loads
 * if (!tokens.consume(token, "orderList", userId)) { ... }      // when the order is submitted
 * }</pre>
 *
 * <p>Store failures surface as {@link IdempotentTokenUnavailableException}: never as a success.
 * The {@link io.tradekit.idempotent.web.IdempotentTokenHandlerInterceptor web check} and {@link IdempotentToken}
 * use this class.
 */
public class IdempotentTokenService {

    private static final int MAX_ISSUE_ATTEMPTS = 3;

    private final IdempotentTokenStore store;
    private final String keyPrefix;
    private final Duration ttl;
    private final IdempotentTokenObserver observer;

    /**
     * Creates the service.
     *
     * @param store     where tokens live
     * @param keyPrefix prefix of every key, may be empty, never {@code null}
     * @param ttl       lifetime of an issued token, positive
     * @param observer  told of every outcome (metrics), {@link IdempotentTokenObserver#NONE} for none
     */
    public IdempotentTokenService(IdempotentTokenStore store, String keyPrefix, Duration ttl,
                                  IdempotentTokenObserver observer) {
        this.store = Objects.requireNonNull(store, "store");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * Issues a token anyone holding it may spend once.
     *
     * @param scene the scene, e.g. {@code orderList}
     * @return the token, a lower-case UUID
     * @throws IllegalArgumentException             when the scene is not a valid scene name
     * @throws IdempotentTokenUnavailableException when the store cannot be reached
     */
    public String issue(String scene) {
        return issue(scene, null);
    }

    /**
     * Issues a token that only {@code ownerId} may spend once.
     *
     * @param scene   the scene, e.g. {@code orderList}
     * @param ownerId the user the token is bound to, or {@code null} for an unbound token
     * @return the token, a lower-case UUID
     * @throws IllegalArgumentException             when the scene or owner id is not valid
     * @throws IdempotentTokenUnavailableException when the store cannot be reached
     */
    public String issue(String scene, String ownerId) {
        if (!TokenFormat.isValidScene(scene)) {
            throw new IllegalArgumentException("scene must be 1-" + TokenFormat.MAX_SCENE_LENGTH
                    + " characters of [A-Za-z0-9_.-]");
        }
        if (ownerId != null && !TokenFormat.isValidOwner(ownerId)) {
            throw new IllegalArgumentException("ownerId must be 1-" + TokenFormat.MAX_OWNER_LENGTH
                    + " characters without control characters");
        }
        for (int attempt = 0; attempt < MAX_ISSUE_ATTEMPTS; attempt++) {
            String token = UUID.randomUUID().toString();
            if (store.save(key(token, scene), ownerId, ttl)) {
                observer.issued(scene);
                return token;
            }
        }
        throw new IllegalStateException("could not store a fresh token after " + MAX_ISSUE_ATTEMPTS + " attempts");
    }

    /**
     * Spends an unbound token: {@code true} for exactly one of any number of concurrent callers.
     *
     * @param token the token as received, may be {@code null} or garbage (then {@code false})
     * @param scene the scene it must have been issued for
     * @return whether the token was valid and is now spent
     * @throws IdempotentTokenUnavailableException when the store cannot be reached
     */
    public boolean consume(String token, String scene) {
        return tryConsume(token, scene, null).isConsumed();
    }

    /**
     * Spends a token as {@code ownerId}: an unbound token, or one bound to that owner.
     *
     * @see #tryConsume(String, String, String)
     */
    public boolean consume(String token, String scene, String ownerId) {
        return tryConsume(token, scene, ownerId).isConsumed();
    }

    /**
     * Spends a token as {@code ownerId} and says why it was rejected, if it was.
     *
     * @param token   the token as received, may be {@code null} or garbage
     * @param scene   the scene it must have been issued for
     * @param ownerId the caller's user id, or {@code null} when unknown (spends unbound tokens only)
     * @return {@link ConsumeOutcome#CONSUMED} for exactly one of any number of concurrent callers
     * @throws IdempotentTokenUnavailableException when the store cannot be reached
     */
    public ConsumeOutcome tryConsume(String token, String scene, String ownerId) {
        ConsumeOutcome outcome = precheck(token, scene, ownerId);
        if (outcome == null) {
            String key = key(TokenFormat.normalizeToken(token), scene);
            outcome = storeCall(() -> store.consume(key, ownerId));
        }
        observe(outcome, scene);
        return outcome;
    }

    /** The rejection decided without the store (hostile input never reaches Redis), or {@code null}. */
    private static ConsumeOutcome precheck(String token, String scene, String ownerId) {
        if (token == null || token.isEmpty()) {
            return ConsumeOutcome.MISSING;
        }
        if (!TokenFormat.isValidToken(token) || !TokenFormat.isValidScene(scene)) {
            return ConsumeOutcome.MALFORMED;
        }
        if (ownerId != null && !TokenFormat.isValidOwner(ownerId)) {
            // issue() never stores such an owner, so it cannot own any token.
            return ConsumeOutcome.OWNER_MISMATCH;
        }
        return null;
    }

    private ConsumeOutcome storeCall(Supplier<ConsumeOutcome> call) {
        try {
            return call.get();
        } catch (IdempotentTokenUnavailableException e) {
            observer.unavailable();
            throw e;
        }
    }

    private void observe(ConsumeOutcome outcome, String scene) {
        if (outcome.isConsumed()) {
            observer.consumed(scene);
        } else {
            observer.rejected(outcome);
        }
    }

    private static void requireClaimed(TokenClaim claim) {
        Objects.requireNonNull(claim, "claim");
        if (!claim.isClaimed()) {
            throw new IllegalArgumentException("only a claimed token can be completed or released");
        }
    }

    /**
     * Claims a token for one request bound to its fingerprint (method, path, body): the first of any
     * number of concurrent callers gets a claimed {@link TokenClaim}; the token then stays taken
     * until {@link #complete} spends it or {@link #release} gives it back. A token taken or spent by a
     * request with another fingerprint answers {@link ConsumeOutcome#FINGERPRINT_MISMATCH}, one taken
     * by the same request {@link ConsumeOutcome#IN_PROGRESS}; neither changes the stored token.
     *
     * @param token       the token as received, may be {@code null} or garbage
     * @param scene       the scene it must have been issued for
     * @param ownerId     the caller's user id, or {@code null} when unknown (claims unbound tokens only)
     * @param fingerprint the request's fingerprint, 64 lower-case hexadecimal digits
     * @return the claim; rejected ones need no completion
     * @throws IllegalArgumentException            when the fingerprint is not 64 hexadecimal digits
     * @throws IdempotentTokenUnavailableException when the store cannot be reached
     */
    public TokenClaim claim(String token, String scene, String ownerId, String fingerprint) {
        if (!TokenFormat.isValidFingerprint(fingerprint)) {
            throw new IllegalArgumentException("fingerprint must be 64 lower-case hexadecimal digits");
        }
        ConsumeOutcome precheck = precheck(token, scene, ownerId);
        TokenClaim claim;
        if (precheck != null) {
            claim = TokenClaim.rejected(precheck);
        } else {
            String key = key(TokenFormat.normalizeToken(token), scene);
            String claimId = UUID.randomUUID().toString().replace("-", "");
            ConsumeOutcome outcome = storeCall(() -> store.claim(key, ownerId, fingerprint, claimId));
            claim = outcome.isConsumed() ? new TokenClaim(outcome, key, claimId) : TokenClaim.rejected(outcome);
        }
        observe(claim.outcome(), scene);
        return claim;
    }

    /**
     * Spends a claimed token for good: later requests with it are refused (409, or 422 with another
     * fingerprint) until it expires.
     *
     * @param claim a claimed {@link TokenClaim}
     * @return {@code false} when the claim was no longer held (the token expired meanwhile)
     * @throws IdempotentTokenUnavailableException when the store cannot be reached; the token then
     *                                             stays taken until it expires (fail closed)
     */
    public boolean complete(TokenClaim claim) {
        requireClaimed(claim);
        return store.complete(claim.key(), claim.claimId());
    }

    /**
     * Gives a claimed token back unspent, for a request refused before it changed anything: the token
     * is as it was issued (no fingerprint kept), so the client may retry with it, corrected. Only this
     * claim can be released: a token spent or claimed again is never touched.
     *
     * @param claim a claimed {@link TokenClaim}
     * @return {@code false} when the claim was no longer held (the token expired meanwhile)
     * @throws IdempotentTokenUnavailableException when the store cannot be reached; the token then
     *                                             stays taken until it expires (fail closed)
     */
    public boolean release(TokenClaim claim) {
        requireClaimed(claim);
        return store.release(claim.key(), claim.claimId());
    }

    /** The lifetime of issued tokens. */
    public Duration getTtl() {
        return ttl;
    }

    private String key(String token, String scene) {
        return keyPrefix + token + ":" + scene;
    }
}
