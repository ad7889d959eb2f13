package io.tradekit.lock.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the lock health check ({@code tradekit.lock.health.*}). */
@ConfigurationProperties(prefix = "tradekit.lock.health")
public class DistributeLockHealthProperties {

    /** Longest wait for the ping of the Redis nodes; the check is DOWN past it. */
    private Duration timeout = Duration.ofSeconds(2);

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** A health check must be bounded: no zero (wait forever) or negative timeout. */
    static Duration requirePositive(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalStateException("tradekit.lock.health.timeout must be positive, was " + timeout);
        }
        return timeout;
    }
}
