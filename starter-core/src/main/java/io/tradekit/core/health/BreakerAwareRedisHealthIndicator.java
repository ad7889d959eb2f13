package io.tradekit.core.health;

import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerBreakers;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code redis} health component: DOWN at once, without touching Redis, while the application's
 * {@code redis} server breaker is open (or probing); otherwise Spring Boot's own check, details and
 * all. Without it the overall health waited for the client's command timeout on a dead Redis, long
 * after every Redis call had already been refused by the breaker.
 */
public final class BreakerAwareRedisHealthIndicator implements HealthIndicator {

    /** The server name the Redis-backed starters share their breaker under. */
    public static final String SERVER = "redis";

    private final HealthIndicator check;
    private final Supplier<ServerBreakers> breakers;

    /**
     * @param check    the real check (Spring Boot's {@code RedisHealthIndicator})
     * @param breakers the application's breakers, or null when there are none (looked up at each check:
     *                 the starters register them, in whatever order)
     */
    public BreakerAwareRedisHealthIndicator(HealthIndicator check, Supplier<ServerBreakers> breakers) {
        this.check = Objects.requireNonNull(check, "check");
        this.breakers = Objects.requireNonNull(breakers, "breakers");
    }

    @Override
    public Health health() {
        ServerBreaker breaker = openBreaker();
        if (breaker != null) {
            // The breaker's state is the freshest evidence there is: its calls failed on the server.
            return Health.down()
                    .withDetail("breaker", breaker.state())
                    .withDetail("refusedCalls", breaker.refusedCalls())
                    .withDetail("retryAfterSeconds", breaker.retryAfter().toSeconds())
                    .build();
        }
        return check.health();
    }

    private ServerBreaker openBreaker() {
        ServerBreakers all = breakers.get();
        // Not created yet: no starter has called Redis through a breaker, so nothing has failed on it.
        ServerBreaker breaker = all == null ? null : all.breakers().get(SERVER);
        return breaker != null && breaker.isOpen() ? breaker : null;
    }
}
