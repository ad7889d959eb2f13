package io.tradekit.idempotent.autoconfigure;

import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentTokenUnavailableException;
import io.tradekit.idempotent.store.IdempotentTokenStore;

import java.time.Duration;

/**
 * The store standing in when Lettuce is not on the classpath, so that the start-up check can name
 * what relies on Redis; when nothing does, the application starts, and any call fails closed.
 */
final class AbsentRedisClientStore implements IdempotentTokenStore {

    static final String BEAN_NAME = "idempotentTokenStoreWithoutRedisClient";

    @Override
    public boolean save(String key, String owner, Duration ttl) {
        throw absent();
    }

    @Override
    public ConsumeOutcome consume(String key, String owner) {
        throw absent();
    }

    @Override
    public ConsumeOutcome claim(String key, String owner, String fingerprint, String claimId) {
        throw absent();
    }

    @Override
    public boolean complete(String key, String claimId) {
        throw absent();
    }

    @Override
    public boolean release(String key, String claimId) {
        throw absent();
    }

    private static IdempotentTokenUnavailableException absent() {
        return new IdempotentTokenUnavailableException("no Redis client: " + IdempotentTokenStartupCheck.ADD_CLIENT, null);
    }
}
