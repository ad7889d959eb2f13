package io.tradekit.facade.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;

/**
 * Settings of the {@link io.tradekit.facade.Facade} aspect, bound to {@code tradekit.facade.*}
 * by {@link FacadeAutoConfiguration}.
 */
@ConfigurationProperties("tradekit.facade")
public class FacadeProperties {

    /** Whether @Facade methods are wrapped (and the Dubbo provider trace filter is active). */
    private boolean enabled = true;

    /**
     * Order of the @Facade advisor; lower is outer. The default, Integer.MIN_VALUE, is the same as
     * @DistributeLock's and outside @Transactional (Integer.MAX_VALUE).
     */
    private int order = Ordered.HIGHEST_PRECEDENCE;

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

    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
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

        /** Whether calls are recorded in the Micrometer timer "tradekit.facade" (when a MeterRegistry exists). */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Settings of the Dubbo provider filter that reads the caller's trace id. */
    public static class DubboFilter {

        /** Whether the Dubbo provider filter puts the caller's trace id (attachment "tradekit-trace-id") into the MDC. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
