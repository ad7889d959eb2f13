package io.tradekit.core.error;

/**
 * An expected failure caused by the request or the business state (a rule is violated), which is
 * reported to the caller with its {@link ErrorCode}; see {@link SystemException} for faults.
 */
public class BizException extends TradekitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with the code's default message.
     *
     * @param errorCode the failure's code, required
     */
    public BizException(ErrorCode errorCode) {
        this(errorCode, null, null);
    }

    /**
     * Creates an exception with a specific message.
     *
     * @param errorCode the failure's code, required
     * @param message   the detail message, or {@code null} to use the code's default message
     */
    public BizException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    /**
     * Creates an exception with a specific message and cause.
     *
     * @param errorCode the failure's code, required
     * @param message   the detail message, or {@code null} to use the code's default message
     * @param cause     the underlying cause, or {@code null}
     */
    public BizException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}
