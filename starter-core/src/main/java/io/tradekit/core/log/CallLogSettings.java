package io.tradekit.core.log;

import java.time.Duration;

/**
 * The settings of a per-call log line (the {@code @Facade} provider's and the remote caller's):
 * the slow threshold, the payload cap and whether payloads are logged, checked by one
 * {@link #validate(String)}.
 *
 * <p>Each starter's properties extend it; the descriptions and defaults of the three properties
 * are in that starter's {@code additional-spring-configuration-metadata.json}, because the
 * configuration processor documents only types compiled in the same module.
 */
public class CallLogSettings {

    private Duration slowThreshold = Duration.ofSeconds(1);

    private int maxPayloadLength = 2048;

    private boolean logPayload = true;

    /**
     * Fails on settings that cannot work, naming the property.
     *
     * @param prefix the properties' prefix, e.g. {@code tradekit.facade}
     * @throws IllegalStateException naming the first bad property
     */
    public void validate(String prefix) {
        if (slowThreshold == null || slowThreshold.isNegative()) {
            throw new IllegalStateException(prefix + ".slow-threshold must be zero or positive, was " + slowThreshold);
        }
        if (maxPayloadLength < 1) {
            throw new IllegalStateException(prefix + ".max-payload-length must be at least 1, was " + maxPayloadLength);
        }
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
}
