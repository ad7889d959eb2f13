package io.tradekit.facade.aop;

import io.tradekit.core.degrade.OutageLog;
import io.tradekit.core.log.LogSanitizer;
import io.tradekit.core.log.MaskingJsonWriter;
import io.tradekit.core.response.BaseResponse;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the one log line of a {@link io.tradekit.facade.Facade} call to the logger
 * {@value #LOGGER_NAME}:
 * {@code call=OrderFacadeImpl.create success=true code=SUCCESS elapsedMs=12 request=[...] response={...}}.
 *
 * <p>INFO normally, WARN when the call took longer than the slow threshold, ERROR (with the stack
 * trace) when the method threw something other than a {@code BizException}. Request and response
 * are masked JSON ({@link MaskingJsonWriter}, {@code @Sensitive} fields and parameters masked,
 * length-capped, CR/LF escaped); nothing is serialized when the level is off.
 */
public class FacadeCallLogger {

    /** The name of the logger every facade call line goes to. */
    public static final String LOGGER_NAME = "tradekit.facade";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private final long slowThresholdNanos;
    private final MaskingJsonWriter json;
    private final boolean logPayload;

    /**
     * Creates the logger.
     *
     * @param slowThreshold calls longer than this are logged at WARN, required
     * @param maxPayloadLength the cap of the request and of the response JSON, in characters, at least 1
     * @param logPayload whether request and response are part of the line
     */
    public FacadeCallLogger(Duration slowThreshold, int maxPayloadLength, boolean logPayload) {
        this.slowThresholdNanos = Objects.requireNonNull(slowThreshold, "slowThreshold must not be null").toNanos();
        this.json = new MaskingJsonWriter(maxPayloadLength);
        this.logPayload = logPayload;
    }

    void log(FacadeMethod method, Object[] args, BaseResponse response, long elapsedNanos, String error,
            Throwable unexpected) {
        boolean slow = elapsedNanos > slowThresholdNanos;
        if (unexpected != null && OutageLog.isUnavailable(unexpected)) {
            // A server is down (SERVICE_UNAVAILABLE): the call's line, without a stack trace per call;
            // the server's breaker logs the outage itself.
            if (LOG.isInfoEnabled()) {
                LOG.info(line(method, args, response, elapsedNanos, error));
            }
        } else if (unexpected != null || error != null) {
            if (LOG.isErrorEnabled()) {
                LOG.error(line(method, args, response, elapsedNanos, error), unexpected);
            }
        } else if (slow) {
            if (LOG.isWarnEnabled()) {
                LOG.warn(line(method, args, response, elapsedNanos, null));
            }
        } else if (LOG.isInfoEnabled()) {
            LOG.info(line(method, args, response, elapsedNanos, null));
        }
    }

    private String line(FacadeMethod method, Object[] args, BaseResponse response, long elapsedNanos, String error) {
        StringBuilder line = new StringBuilder(512)
                .append("call=").append(method.qualifiedName)
                .append(" success=").append(response.isSuccess())
                .append(" code=").append(LogSanitizer.escape(response.getCode()))
                .append(" elapsedMs=").append(elapsedNanos / 1_000_000);
        if (error != null) {
            line.append(" error=").append(LogSanitizer.escape(error));
        }
        if (logPayload) {
            // Straight into the line: no intermediate string per payload.
            json.appendArguments(line.append(" request="), method.logMethod, args);
            json.appendTo(line.append(" response="), response);
        }
        return line.toString();
    }
}
