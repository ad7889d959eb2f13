package io.tradekit.stock.health;

import io.tradekit.core.redis.LettuceProbe;
import io.tradekit.stock.redis.StockRedis;
import io.tradekit.stock.redis.StockScripts;
import java.time.Duration;
import java.util.Objects;
import io.tradekit.core.degrade.ServerBreaker;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the stock service: a {@code PING} through the very connection the deductions use (not
 * another client that might be healthy while this one is not), and {@code SCRIPT EXISTS} for the
 * stock scripts. Down when Redis does not answer within the timeout: deductions are then refused
 * ({@code StockUnavailableException}). Scripts missing from Redis's cache (after a restart or
 * {@code SCRIPT FLUSH}) are only a detail: the next call loads them again.
 */
public class StockHealthIndicator extends AbstractHealthIndicator {

    private final StockRedis redis;
    private final Duration timeout;

    /**
     * @param redis   the stock's Redis executor
     * @param timeout the longest wait for each round trip, positive
     */
    public StockHealthIndicator(StockRedis redis, Duration timeout) {
        super("Stock Redis health check failed");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.timeout = StockHealthProperties.requirePositive(timeout);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("client", "lettuce");
        ServerBreaker breaker = redis.breaker();
        if (breaker != null && breaker.isOpen()) {
            // Down at once, without a probe that would wait for the timeout: the calls are being refused.
            builder.down().withDetail("breaker", breaker.state()).withDetail("refusedCalls", breaker.refusedCalls());
            return;
        }
        builder.up().withDetails(LettuceProbe.probe(redis.connector(), StockScripts.all(), timeout));
    }
}
