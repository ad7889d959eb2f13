package io.tradekit.remote.autoconfigure;

import io.tradekit.core.log.CallLogSettings;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@link io.tradekit.remote.RemoteCallWrapper} and the Dubbo consumer filter, bound to
 * {@code tradekit.remote-call.*} by {@link RemoteCallAutoConfiguration}; the call-log settings
 * ({@code slow-threshold}, {@code max-payload-length}, {@code log-payload}) come from
 * {@link CallLogSettings} and are checked when the properties are bound, so a bad value fails the
 * start-up naming the property.
 */
@ConfigurationProperties(RemoteCallProperties.PREFIX)
public class RemoteCallProperties extends CallLogSettings implements InitializingBean {

    /** The prefix of these properties. */
    public static final String PREFIX = "tradekit.remote-call";

    /**
     * Whether these settings apply; when false the Dubbo consumer filter passes calls through and
     * no timer is recorded (RemoteCallWrapper still logs and checks: it is code you call).
     */
    private boolean enabled = true;

    private final Metrics metrics = new Metrics();

    private final DubboFilter dubboFilter = new DubboFilter();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void afterPropertiesSet() {
        validate(PREFIX);
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public DubboFilter getDubboFilter() {
        return dubboFilter;
    }

    /** Micrometer settings. */
    public static class Metrics {

        /** Whether calls are recorded in the Micrometer timer "tradekit.remote-call.calls" (when a MeterRegistry exists). */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Settings of the Dubbo consumer filter. */
    public static class DubboFilter {

        /** Whether the Dubbo consumer filter logs every reference call and sends the trace id (attachment "tradekit-trace-id"). */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
