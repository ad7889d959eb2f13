package io.tradekit.core.error;

/**
 * An unexpected technical fault (infrastructure down, bug, broken invariant) carrying an
 * {@link ErrorCode} that defaults to {@link CommonErrorCode#SYSTEM_ERROR}; see
 * {@link BizException} for expected business failures.
 */
public class SystemException extends TradekitException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with {@link CommonErrorCode#SYSTEM_ERROR} and its default message. */
    public SystemException() {
        this(CommonErrorCode.SYSTEM_ERROR, null, null);
    }

    /**
     * Creates an exception with {@link CommonErrorCode#SYSTEM_ERROR} and a specific message.
     *
     * @param message the detail message, or {@code null} to use the code's default message
     */
    public SystemException(String message) {
        this(CommonErrorCode.SYSTEM_ERROR, message, null);
    }

    /**
     * Creates an exception with {@link CommonErrorCode#SYSTEM_ERROR}, a message and a cause.
     *
     * @param message the detail message, or {@code null} to use the code's default message
     * @param cause   the underlying cause, or {@code null}
     */
    public SystemException(String message, Throwable cause) {
        this(CommonErrorCode.SYSTEM_ERROR, message, cause);
    }

    /**
     * Creates an exception with the code's default message.
     *
     * @param errorCode the failure's code, required
     */
    public SystemException(ErrorCode errorCode) {
        this(errorCode, null, null);
    }

    /**
     * Creates an exception with a specific message.
     *
     * @param errorCode the failure's code, required
     * @param message   the detail message, or {@code null} to use the code's default message
     */
    public SystemException(ErrorCode errorCode, String message) {
        this(errorCode, message, null);
    }

    /**
     * Creates an exception with a specific message and cause.
     *
     * @param errorCode the failure's code, required
     * @param message   the detail message, or {@code null} to use the code's default message
     * @param cause     the underlying cause, or {@code null}
     */
    public SystemException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}
