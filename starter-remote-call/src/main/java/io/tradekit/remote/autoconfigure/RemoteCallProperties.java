package io.tradekit.remote.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@link io.tradekit.remote.RemoteCallWrapper} and the Dubbo consumer filter, bound to
 * {@code tradekit.remote-call.*} by {@link RemoteCallAutoConfiguration}.
 */
@ConfigurationProperties("tradekit.remote-call")
public class RemoteCallProperties {

    /**
     * Whether these settings apply; when false the Dubbo consumer filter passes calls through and
     * no timer is recorded (RemoteCallWrapper still logs and checks: it is code you call).
     */
    private boolean enabled = true;

    /** Calls that take longer than this are logged at WARN instead of INFO. */
    private Duration slowThreshold = Duration.ofSeconds(1);

    /** Maximum length, in characters, of the request JSON and of the response JSON in the log line. */
    private int maxPayloadLength = 2048;

    /** Whether the log line contains the masked request and response JSON. */
    private boolean logPayload = true;

    private final Metrics metrics = new Metrics();

    private final DubboFilter dubboFilter = new DubboFilter();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getSlowThreshold() {
        return slowThreshold;
    }

    public void setSlowThreshold(Duration slowThreshold) {
        this.slowThreshold = slowThreshold;
    }

    public int getMaxPayloadLength() {
        return maxPayloadLength;
    }

    public void setMaxPayloadLength(int maxPayloadLength) {
        this.maxPayloadLength = maxPayloadLength;
    }

    public boolean isLogPayload() {
        return logPayload;
    }

    public void setLogPayload(boolean logPayload) {
        this.logPayload = logPayload;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public DubboFilter getDubboFilter() {
        return dubboFilter;
    }

    /** Micrometer settings. */
    public static class Metrics {

        /** Whether calls are recorded in the Micrometer timer "tradekit.remote" (when a MeterRegistry exists). */
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
