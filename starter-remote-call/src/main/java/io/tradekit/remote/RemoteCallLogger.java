package io.tradekit.remote;

import io.tradekit.core.degrade.OutageLog;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.log.LogSanitizer;
import io.tradekit.core.log.MaskingJsonWriter;
import java.lang.reflect.Method;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the one log line of a remote call to the logger {@value #LOGGER_NAME}:
 * {@code call=queryUser success=true code=SUCCESS elapsedMs=7 request={...} response={...}},
 * with {@code error=<exception class>} added when the call threw.
 *
 * <p>INFO normally; WARN for a failed response or a call slower than the threshold; ERROR, with
 * the stack trace, when the call threw. Request and response are masked, length-capped,
 * single-line JSON ({@link MaskingJsonWriter}); the call name is escaped. Built by
 * {@link RemoteCallSettings}; shared by {@link RemoteCallWrapper} and the Dubbo consumer filter.
 */
public final class RemoteCallLogger {

    /** The name of the logger every remote call line goes to. */
    public static final String LOGGER_NAME = "tradekit.remote";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final String UNAVAILABLE = CommonErrorCode.SERVICE_UNAVAILABLE.getCode();

    private final long slowThresholdNanos;
    private final MaskingJsonWriter json;
    private final boolean logPayload;

    RemoteCallLogger(Duration slowThreshold, int maxPayloadLength, boolean logPayload) {
        this.slowThresholdNanos = slowThreshold.toNanos();
        this.json = new MaskingJsonWriter(maxPayloadLength);
        this.logPayload = logPayload;
    }

    /**
     * Logs a call whose request is one object ({@link RemoteCallWrapper}).
     *
     * @param call         the call's name
     * @param request      the request, may be {@code null}
     * @param response     the response, may be {@code null}
     * @param success      the outcome
     * @param code         the response code or {@code REMOTE_CALL_FAILED}
     * @param failure      what the call threw, or {@code null}
     * @param elapsedNanos the time the call took
     */
    public void log(String call, Object request, Object response, boolean success, String code, Throwable failure,
            long elapsedNanos) {
        write(call, null, null, request, response, success, code, failure, elapsedNanos);
    }

    /**
     * Logs a call whose request is a method's arguments (the Dubbo consumer filter); arguments of
     * {@code @Sensitive} parameters are masked.
     *
     * @param call         the call's name
     * @param method       the called interface method, or {@code null} when unknown
     * @param args         the arguments, may be {@code null}
     * @param response     the response, may be {@code null}
     * @param success      the outcome
     * @param code         the response code or {@code REMOTE_CALL_FAILED}
     * @param failure      what the call threw, or {@code null}
     * @param elapsedNanos the time the call took
     */
    public void logInvocation(String call, Method method, Object[] args, Object response, boolean success, String code,
            Throwable failure, long elapsedNanos) {
        write(call, method, args == null ? new Object[0] : args, null, response, success, code, failure, elapsedNanos);
    }

    private void write(String call, Method method, Object[] args, Object request, Object response, boolean success,
            String code, Throwable failure, long elapsedNanos) {
        if (failure != null ? OutageLog.isUnavailable(failure) : !success && UNAVAILABLE.equals(code)) {
            // The provider's server is down (SERVICE_UNAVAILABLE): the call's line without a stack trace;
            // the breaker of that server logs the outage itself.
            if (LOG.isInfoEnabled()) {
                LOG.info(line(call, method, args, request, response, success, code, null, elapsedNanos));
            }
        } else if (failure != null) {
            if (LOG.isErrorEnabled()) {
                LOG.error(line(call, method, args, request, response, success, code, failure, elapsedNanos), failure);
            }
        } else if (!success || elapsedNanos > slowThresholdNanos) {
            if (LOG.isWarnEnabled()) {
                LOG.warn(line(call, method, args, request, response, success, code, null, elapsedNanos));
            }
        } else if (LOG.isInfoEnabled()) {
            LOG.info(line(call, method, args, request, response, success, code, null, elapsedNanos));
        }
    }

    private String line(String call, Method method, Object[] args, Object request, Object response, boolean success,
            String code, Throwable failure, long elapsedNanos) {
        StringBuilder line = new StringBuilder(256)
                .append("call=").append(LogSanitizer.escape(call))
                .append(" success=").append(success)
                .append(" code=").append(LogSanitizer.escape(code))
                .append(" elapsedMs=").append(elapsedNanos / 1_000_000);
        if (failure != null) {
            line.append(" error=").append(failure.getClass().getName());
        }
        if (logPayload) {
            line.append(" request=").append(args != null ? json.writeArguments(method, args) : json.write(request));
            if (failure == null) {
                line.append(" response=").append(json.write(response));
            }
        }
        return line.toString();
    }
}
