package io.tradekit.core.degrade;

import java.time.Duration;

/**
 * The settings of one server's circuit breaker ({@code tradekit.degrade.*}, per server
 * {@code tradekit.degrade.servers.<name>.*} overriding them): when it opens, how long it refuses
 * calls, how it probes the server again, and how often the refused calls are counted in the log.
 */
public class BreakerSettings {

    /** Whether calls to the server go through a breaker; off, every call tries the server. */
    private boolean enabled = true;

    /** Failure rate in percent, over the last {@code window-size} calls, at which the breaker opens. */
    private int failureRateThreshold = 50;

    /** Calls needed in the window before the failure rate counts (a single failure opens nothing). */
    private int minimumCalls = 5;

    /** Number of most recent calls the failure rate is computed over. */
    private int windowSize = 10;

    /** How long an open breaker refuses calls before letting probe calls through; also the {@code Retry-After}. */
    private Duration openDuration = Duration.ofSeconds(5);

    /** Probe calls let through once open-duration has passed; all must succeed to close the breaker. */
    private int halfOpenCalls = 2;

    /** How often the number of calls refused while open is logged (one line per server, only when non-zero). */
    private Duration reportInterval = Duration.ofMinutes(1);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getFailureRateThreshold() {
        return failureRateThreshold;
    }

    public void setFailureRateThreshold(int failureRateThreshold) {
        this.failureRateThreshold = failureRateThreshold;
    }

    public int getMinimumCalls() {
        return minimumCalls;
    }

    public void setMinimumCalls(int minimumCalls) {
        this.minimumCalls = minimumCalls;
    }

    public int getWindowSize() {
        return windowSize;
    }

    public void setWindowSize(int windowSize) {
        this.windowSize = windowSize;
    }

    public Duration getOpenDuration() {
        return openDuration;
    }

    public void setOpenDuration(Duration openDuration) {
        this.openDuration = openDuration;
    }

    public int getHalfOpenCalls() {
        return halfOpenCalls;
    }

    public void setHalfOpenCalls(int halfOpenCalls) {
        this.halfOpenCalls = halfOpenCalls;
    }

    public Duration getReportInterval() {
        return reportInterval;
    }

    public void setReportInterval(Duration reportInterval) {
        this.reportInterval = reportInterval;
    }

    /** A copy, for a server whose own settings start from these. */
    public BreakerSettings copy() {
        BreakerSettings copy = new BreakerSettings();
        copy.enabled = enabled;
        copy.failureRateThreshold = failureRateThreshold;
        copy.minimumCalls = minimumCalls;
        copy.windowSize = windowSize;
        copy.openDuration = openDuration;
        copy.halfOpenCalls = halfOpenCalls;
        copy.reportInterval = reportInterval;
        return copy;
    }
}
