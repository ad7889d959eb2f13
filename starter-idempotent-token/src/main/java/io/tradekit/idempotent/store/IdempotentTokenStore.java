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
}
