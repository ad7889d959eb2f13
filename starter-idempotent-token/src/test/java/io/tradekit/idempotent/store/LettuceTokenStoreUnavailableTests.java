package io.tradekit.idempotent.store;

import io.lettuce.core.RedisClient;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentTokenUnavailableException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The store fails closed: an unreachable Redis is an exception, never a verdict on the token. */
class LettuceTokenStoreUnavailableTests {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void aStoppedRedisMakesConsumeAndSaveThrowServiceUnavailable() {
        RedisDevService redis = RedisDevService.start(RedisSettings.DEFAULTS);
        try (LettuceTokenStore store = new LettuceTokenStore(RedisClient.create(redis.uri()), TIMEOUT, TIMEOUT, true)) {
            assertThat(store.save("k:1", null, Duration.ofMinutes(1))).isTrue();
            redis.close();
            assertThatThrownBy(() -> store.consume("k:1", null))
                    .isInstanceOf(IdempotentTokenUnavailableException.class)
                    .extracting(e -> ((IdempotentTokenUnavailableException) e).getErrorCode())
                    .isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE);
            assertThatThrownBy(() -> store.save("k:2", null, Duration.ofMinutes(1)))
                    .isInstanceOf(IdempotentTokenUnavailableException.class);
        } finally {
            redis.close();
        }
    }

    @Test
    void aRedisThatComesBackIsUsedAgain() {
        int port = FreePorts.next();
        RedisSettings settings = new RedisSettings(port, null, Duration.ofSeconds(10));
        try (LettuceTokenStore store = new LettuceTokenStore(RedisClient.create("redis://127.0.0.1:" + port), TIMEOUT,
                Duration.ZERO, true)) {
            assertThatThrownBy(() -> store.consume("k:1", null)).isInstanceOf(IdempotentTokenUnavailableException.class);
            RedisDevService redis = RedisDevService.start(settings);
            try {
                assertThat(store.save("k:1", "alice", Duration.ofMinutes(1))).isTrue();
                assertThat(store.consume("k:1", "bob")).isEqualTo(ConsumeOutcome.OWNER_MISMATCH);
                assertThat(store.consume("k:1", "alice")).isEqualTo(ConsumeOutcome.CONSUMED);
            } finally {
                redis.close();
            }
        }
    }
}
