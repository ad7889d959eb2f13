package io.tradekit.core.health;

import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.degrade.ServerUnavailableException;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The {@code redis} health component: DOWN at once, without touching Redis, while the application's
 * {@code redis} server breaker refuses calls; otherwise Spring Boot's own check, details and all. When the
 * open breaker lets probe calls through again (after its open-duration), the check runs as one of them, so
 * that health polls can close it. Without it the overall health waited for the client's command timeout
 * on a dead Redis, long after every Redis call had already been refused by the breaker.
 */
public final class BreakerAwareRedisHealthIndicator implements HealthIndicator {

    /** The server name the Redis-backed starters share their breaker under. */
    public static final String SERVER = "redis";

    private final HealthIndicator check;
    private final Supplier<ServerBreakers> breakers;

    /**
     * @param check    the real check (Spring Boot's {@code RedisHealthIndicator})
     * @param breakers supplies the application's breakers, or null when there are none (asked at each check:
     *                 the starters register them, in whatever order)
     */
    public BreakerAwareRedisHealthIndicator(HealthIndicator check, Supplier<ServerBreakers> breakers) {
        this.check = Objects.requireNonNull(check, "check");
        this.breakers = Objects.requireNonNull(breakers, "breakers");
    }

    @Override
    public Health health() {
        ServerBreakers all = breakers.get();
        // Not created yet: no starter has called Redis through a breaker, so nothing has failed on it.
        ServerBreaker breaker = all == null ? null : all.breakers().get(SERVER);
        if (breaker == null || !breaker.isOpen()) {
            return check.health();
        }
        // Open: refused at once, Redis untouched. Once open-duration has passed the breaker lets probe calls
        // through, and the check is one: health polls alone close the breaker again when Redis is back (an
        // instance a load balancer took out of rotation gets no other calls to do it).
        try {
            return breaker.call(this::probe, failure -> failure instanceof DownProbe);
        } catch (DownProbe down) {
            return down.health;
        } catch (ServerUnavailableException refused) {
            // The breaker's state is the freshest evidence there is: its calls failed on the server.
            return Health.down()
                    .withDetail("breaker", breaker.state())
                    .withDetail("refusedCalls", breaker.refusedCalls())
                    .withDetail("retryAfterSeconds", breaker.retryAfter().toSeconds())
                    .build();
        }
    }

    /** The real check as a breaker call: anything but UP counts as a failure of the server. */
    private Health probe() throws DownProbe {
        Health health = check.health();
        if (!Status.UP.equals(health.getStatus())) {
            throw new DownProbe(health);
        }
        return health;
    }

    /** A probe that found Redis not UP, carrying Boot's answer. */
    private static final class DownProbe extends Exception {

        private static final long serialVersionUID = 1L;

        private final transient Health health;

        DownProbe(Health health) {
            super("redis health probe: " + health.getStatus(), null, false, false);
            this.health = health;
        }
    }
}
