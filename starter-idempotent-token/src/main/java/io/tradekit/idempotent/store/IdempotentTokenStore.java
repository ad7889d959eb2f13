package io.tradekit.idempotent.store;

import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentTokenUnavailableException;

import java.time.Duration;

/**
 * Where {@link io.tradekit.idempotent.IdempotentTokenService} keeps tokens; the default is
 * {@link LettuceTokenStore}. Keys and owners arrive validated. Implementations throw
 * {@link IdempotentTokenUnavailableException} when they cannot answer, never a guess.
 */
public interface IdempotentTokenStore {

    /**
     * Stores a key unless it exists.
     *
     * @param key   the full key (prefix, token, scene)
     * @param owner the owner the token is bound to, or {@code null} for a token anyone may spend
     * @param ttl   how long the token lives, positive
     * @return {@code false} when the key already existed (then nothing changed)
     * @throws IdempotentTokenUnavailableException when the store cannot be reached
     */
    boolean save(String key, String owner, Duration ttl);

    /**
     * Atomically checks and deletes a key: of concurrent callers for one key at most one gets
     * {@link ConsumeOutcome#CONSUMED}. A key bound to another owner is left in place.
     *
     * @param key   the full key
     * @param owner the caller's owner id, or {@code null} when unknown (spends unbound tokens only)
     * @return {@link ConsumeOutcome#CONSUMED}, {@link ConsumeOutcome#NOT_FOUND} or
     *         {@link ConsumeOutcome#OWNER_MISMATCH}
     * @throws IdempotentTokenUnavailableException when the store cannot be reached
     */
    ConsumeOutcome consume(String key, String owner);

    /**
     * Atomically takes an issued key for one request: of concurrent callers at most one gets
     * {@link ConsumeOutcome#CONSUMED}, and the key then records the fingerprint and claim id until
     * {@link #complete} or {@link #release}. Nothing changes for any other outcome.
     *
     * @param key         the full key
     * @param owner       the caller's owner id, or {@code null}
     * @param fingerprint the request's fingerprint, 64 lower-case hexadecimal digits
     * @param claimId     a fresh random id of this claim, 32 lower-case hexadecimal digits
     * @return {@link ConsumeOutcome#CONSUMED}; {@link ConsumeOutcome#NOT_FOUND} (absent, or spent by a
     *         request with the same fingerprint); {@link ConsumeOutcome#OWNER_MISMATCH};
     *         {@link ConsumeOutcome#IN_PROGRESS} (taken by a request with the same fingerprint); or
     *         {@link ConsumeOutcome#FINGERPRINT_MISMATCH} (taken or spent by another request)
     * @throws IdempotentTokenUnavailableException when the store cannot be reached
     */
    ConsumeOutcome claim(String key, String owner, String fingerprint, String claimId);

    /**
     * Marks a key taken by {@code claimId} as spent, keeping its fingerprint and expiry.
     *
     * @return {@code false} when the key is not taken by that claim (expired meanwhile)
     * @throws IdempotentTokenUnavailableException when the store cannot be reached
     */
    boolean complete(String key, String claimId);

    /**
     * Gives a key taken by {@code claimId} back as it was issued, keeping its expiry; a key spent, or
     * taken by another claim, is left alone.
     *
     * @return {@code false} when the key is not taken by that claim
     * @throws IdempotentTokenUnavailableException when the store cannot be reached
     */
    boolean release(String key, String claimId);
}
