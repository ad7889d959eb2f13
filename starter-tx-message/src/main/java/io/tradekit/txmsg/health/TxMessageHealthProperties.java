package io.tradekit.txmsg.health;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the RocketMQ health check ({@code tradekit.txmsg.health.*}). */
@ConfigurationProperties(prefix = "tradekit.txmsg.health")
public class TxMessageHealthProperties {

    /**
     * Time budget of the whole RocketMQ health check (all name-server and broker calls together); the
     * check is DOWN when it runs out.
     */
    private Duration timeout = Duration.ofSeconds(3);

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** A health check must be bounded: no zero (wait forever) or negative timeout. */
    static Duration requirePositive(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalStateException("tradekit.txmsg.health.timeout must be positive, was " + timeout);
        }
        return timeout;
    }
}
