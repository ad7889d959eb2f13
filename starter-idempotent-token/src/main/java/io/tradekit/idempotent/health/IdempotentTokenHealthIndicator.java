package io.tradekit.idempotent.health;

import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.redis.LettuceProbe;
import io.tradekit.idempotent.store.LettuceTokenStore;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the token store: a {@code PING} through the very connection that issues and spends
 * tokens, and {@code SCRIPT EXISTS} for the store's scripts. Down when Redis does not answer within
 * the timeout: guarded requests are then refused (fail closed). Scripts missing from Redis's cache
 * are only a detail: the next call loads them again. Down at once, without a probe, while the
 * application's Redis breaker is open or half-open.
 */
public class IdempotentTokenHealthIndicator extends AbstractHealthIndicator {

    private final LettuceTokenStore store;
    private final Duration timeout;

    /**
     * @param store   the Lettuce token store
     * @param timeout the longest wait for each round trip, positive
     */
    public IdempotentTokenHealthIndicator(LettuceTokenStore store, Duration timeout) {
        super("Idempotent token Redis health check failed");
        this.store = Objects.requireNonNull(store, "store");
        this.timeout = IdempotentTokenHealthProperties.requirePositive(timeout);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("client", "lettuce");
        ServerBreaker breaker = store.breaker();
        if (breaker != null && breaker.isOpen()) {
            // Down at once, without a probe that would wait for the timeout: the calls are being refused.
            builder.down().withDetail("breaker", breaker.state()).withDetail("refusedCalls", breaker.refusedCalls());
            return;
        }
        builder.up().withDetails(LettuceProbe.probe(store.connector(), LettuceTokenStore.scripts(), timeout));
    }
}
