package io.tradekit.core.redis;

import java.time.Duration;

/**
 * The connection settings of a starter's own Lettuce client ({@code tradekit.<module>.redis.*}),
 * one type for every starter that builds one, checked by one {@link #validate(String)}.
 *
 * <p>Each starter nests an instance with its own defaults; the descriptions and defaults of the
 * three properties are in that starter's {@code additional-spring-configuration-metadata.json},
 * because the configuration processor documents only types compiled in the same module.
 */
public class LettuceSettings {

    private Duration commandTimeout;

    private Duration connectTimeout;

    private Duration retryDelay;

    /** Settings with a 1 s command timeout, a 2 s connect timeout and a 1 s retry delay. */
    public LettuceSettings() {
        this(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    /**
     * @param commandTimeout the longest wait for one Redis reply
     * @param connectTimeout the connect timeout
     * @param retryDelay     after a failed connect, how long calls fail at once before the next attempt
     */
    public LettuceSettings(Duration commandTimeout, Duration connectTimeout, Duration retryDelay) {
        this.commandTimeout = commandTimeout;
        this.connectTimeout = connectTimeout;
        this.retryDelay = retryDelay;
    }

    /**
     * Fails on settings that cannot work, naming the property.
     *
     * @param prefix the properties' prefix, e.g. {@code tradekit.stock.redis}
     * @throws IllegalStateException naming the first bad property
     */
    public void validate(String prefix) {
        requirePositive(prefix + ".command-timeout", commandTimeout);
        requirePositive(prefix + ".connect-timeout", connectTimeout);
        if (retryDelay == null || retryDelay.isNegative()) {
            throw new IllegalStateException(prefix + ".retry-delay must be zero or positive, was " + retryDelay);
        }
    }

    private static void requirePositive(String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalStateException(property + " must be positive, was " + value);
        }
    }

    public Duration getCommandTimeout() {
        return commandTimeout;
    }

    public void setCommandTimeout(Duration commandTimeout) {
        this.commandTimeout = commandTimeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }
}
