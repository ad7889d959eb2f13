package io.tradekit.core.error;

import java.util.Objects;

/**
 * The unchecked base of {@link BizException} and {@link SystemException} that carries an
 * {@link ErrorCode}, so that modules can add their own exceptions without repeating the plumbing.
 */
public abstract class TradekitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    /**
     * Creates an exception for the given code.
     *
     * @param errorCode the failure's code, required
     * @param message   the detail message, or {@code null} to use the code's default message
     * @param cause     the underlying cause, or {@code null}
     * @throws NullPointerException if {@code errorCode} is {@code null}
     */
    protected TradekitException(ErrorCode errorCode, String message, Throwable cause) {
        super(messageOrDefault(errorCode, message), cause);
        this.errorCode = errorCode;
    }

    /**
     * Returns the code of this failure.
     *
     * @return the code, never {@code null}
     */
    public ErrorCode getErrorCode() {
        return errorCode;
    }

    /**
     * Returns the code string, a shortcut for {@code getErrorCode().getCode()}.
     *
     * @return the code string
     */
    public String getCode() {
        return errorCode.getCode();
    }

    // Runs before super(...), so a missing code fails here instead of as a later, distant NPE.
    private static String messageOrDefault(ErrorCode errorCode, String message) {
        Objects.requireNonNull(errorCode, "errorCode must not be null");
        return message != null ? message : errorCode.getMessage();
    }
}
