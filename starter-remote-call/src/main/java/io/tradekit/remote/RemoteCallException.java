package io.tradekit.remote;

import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.SystemException;
import io.tradekit.core.log.LogSanitizer;
import java.time.Duration;

/**
 * Thrown by {@link RemoteCallWrapper} when a remote call failed: it threw (the cause is kept,
 * {@link #getRemoteCode()} is {@code null}), returned {@code null}, or returned a
 * {@link io.tradekit.core.response.BaseResponse} with {@code success=false} (its code and message
 * are kept as {@link #getRemoteCode()} and {@link #getRemoteMessage()}).
 *
 * <p>The {@link #getErrorCode() error code} is always {@link CommonErrorCode#REMOTE_CALL_FAILED}.
 */
public class RemoteCallException extends SystemException {

    private static final long serialVersionUID = 1L;

    private static final int MAX_MESSAGE_PART = 512;

    private final String requestName;
    private final String remoteCode;
    private final String remoteMessage;

    /**
     * Creates the exception for a call that returned a failure or nothing.
     *
     * @param requestName   the name the call was made under
     * @param remoteCode    the code the remote side returned, {@code null} for a {@code null} response
     * @param remoteMessage the message the remote side returned, may be {@code null}
     */
    public RemoteCallException(String requestName, String remoteCode, String remoteMessage) {
        super(CommonErrorCode.REMOTE_CALL_FAILED, describe(requestName, remoteCode, remoteMessage),
                unavailableCause(requestName, remoteCode));
        this.requestName = requestName;
        this.remoteCode = remoteCode;
        this.remoteMessage = remoteMessage;
    }

    /**
     * Creates the exception for a call that threw.
     *
     * @param requestName the name the call was made under
     * @param cause       what the call threw
     */
    public RemoteCallException(String requestName, Throwable cause) {
        super(CommonErrorCode.REMOTE_CALL_FAILED, "Remote call " + part(requestName) + " threw "
                + (cause == null ? "nothing" : cause.getClass().getName()), cause);
        this.requestName = requestName;
        this.remoteCode = null;
        this.remoteMessage = null;
    }

    /**
     * The provider answered {@code SERVICE_UNAVAILABLE} (a server it needs is down): kept as the cause, so
     * that callers and background tasks can tell an outage from a failure ({@code OutageLog.isUnavailable}).
     */
    private static Throwable unavailableCause(String requestName, String remoteCode) {
        return CommonErrorCode.SERVICE_UNAVAILABLE.getCode().equals(remoteCode)
                ? new ServerUnavailableException(part(requestName), Duration.ofSeconds(1), false, null) : null;
    }

    /**
     * Returns the name the call was made under.
     *
     * @return the request name as given to {@link RemoteCallWrapper}
     */
    public String getRequestName() {
        return requestName;
    }

    /**
     * Returns the code of the failed response.
     *
     * @return the remote code, {@code null} when the call threw or returned {@code null}
     */
    public String getRemoteCode() {
        return remoteCode;
    }

    /**
     * Returns the message of the failed response.
     *
     * @return the remote message, {@code null} when there was none
     */
    public String getRemoteMessage() {
        return remoteMessage;
    }

    private static String describe(String requestName, String remoteCode, String remoteMessage) {
        if (remoteCode == null && remoteMessage == null) {
            return "Remote call " + part(requestName) + " returned no response";
        }
        return "Remote call " + part(requestName) + " failed with code " + part(remoteCode) + ": " + part(remoteMessage);
    }

    /** Remote text is untrusted: one line, bounded, before it reaches a log through this message. */
    private static String part(String text) {
        if (text == null) {
            return "null";
        }
        String bounded = text.length() > MAX_MESSAGE_PART ? text.substring(0, MAX_MESSAGE_PART) + "..." : text;
        return LogSanitizer.escape(bounded);
    }
}
