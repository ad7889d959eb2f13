package io.tradekit.sso.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code tradekit.sso.metrics.*}: the meters of logins and sessions. */
@ConfigurationProperties("tradekit.sso.metrics")
public class SsoMetricsProperties {

    /** Whether the login and session meters are registered (when the application has a MeterRegistry). */
    private boolean enabled = true;

    /** Time between two counts of the active sessions (one SCAN pass over the Redis keyspace each). */
    private Duration activeSessionsRefresh = Duration.ofMinutes(1);

    /** The count of active sessions stops at this many keys (the gauge then means "at least"). */
    private long activeSessionsLimit = 1_000_000;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getActiveSessionsRefresh() {
        return activeSessionsRefresh;
    }

    public void setActiveSessionsRefresh(Duration activeSessionsRefresh) {
        this.activeSessionsRefresh = activeSessionsRefresh;
    }

    public long getActiveSessionsLimit() {
        return activeSessionsLimit;
    }

    public void setActiveSessionsLimit(long activeSessionsLimit) {
        this.activeSessionsLimit = activeSessionsLimit;
    }
}
