package io.tradekit.idempotent.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the token store health check ({@code tradekit.idempotent.health.*}). */
@ConfigurationProperties(prefix = "tradekit.idempotent.health")
public class IdempotentTokenHealthProperties {

    /** Longest wait for each Redis round trip of the health check; the check is DOWN past it. */
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
            throw new IllegalStateException("tradekit.idempotent.health.timeout must be positive, was " + timeout);
        }
        return timeout;
    }
}
