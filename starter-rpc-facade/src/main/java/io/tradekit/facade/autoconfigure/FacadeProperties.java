package io.tradekit.facade.autoconfigure;

import io.tradekit.core.log.CallLogSettings;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;

/**
 * Settings of the {@link io.tradekit.facade.Facade} aspect, bound to {@code tradekit.facade.*}
 * by {@link FacadeAutoConfiguration}; the call-log settings ({@code slow-threshold},
 * {@code max-payload-length}, {@code log-payload}) come from {@link CallLogSettings} and are
 * checked when the properties are bound, so a bad value fails the start-up naming the property.
 */
@ConfigurationProperties(FacadeProperties.PREFIX)
public class FacadeProperties extends CallLogSettings implements InitializingBean {

    /** The prefix of these properties. */
    public static final String PREFIX = "tradekit.facade";

    /** Whether @Facade methods are wrapped (and the Dubbo provider trace filter is active). */
    private boolean enabled = true;

    /**
     * Order of the @Facade advisor; lower is outer. The default, Integer.MIN_VALUE, is the same as
     * @DistributeLock's and outside @Transactional (Integer.MAX_VALUE).
     */
    private int order = Ordered.HIGHEST_PRECEDENCE;

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

        /** Whether calls are recorded in the Micrometer timer "tradekit.facade.calls" (when a MeterRegistry exists). */
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
