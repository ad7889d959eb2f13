package io.tradekit.core.response;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.ErrorCode;
import java.io.Serializable;
import java.util.Objects;

/**
 * The outcome part of every response (success flag, {@link ErrorCode} string and message),
 * extended by {@link SingleResponse}, {@link MultiResponse} and {@link PageResponse}.
 *
 * <p>There is deliberately no static factory here: a static {@code fail} on this class would
 * clash (same erasure) with the generic ones of the subclasses. The {@code mark*} methods let an
 * aspect turn any subclass instance into a success or a failure without knowing its type.
 */
public class BaseResponse implements Serializable {

    private static final long serialVersionUID = 1L;

    private boolean success;
    private String code;
    private String message;

    /** Creates an empty response (not successful, no code) for serialization frameworks. */
    public BaseResponse() {
    }

    /**
     * Marks this response successful, filling the {@link CommonErrorCode#SUCCESS} code and message
     * only where none is set, so that a specific success message survives.
     */
    public void markSuccess() {
        this.success = true;
        if (code == null || code.isEmpty()) {
            this.code = CommonErrorCode.SUCCESS.getCode();
        }
        if (message == null || message.isEmpty()) {
            this.message = CommonErrorCode.SUCCESS.getMessage();
        }
    }

    /**
     * Marks this response failed with the code and default message of {@code errorCode}.
     *
     * @param errorCode the failure's code, required
     * @throws NullPointerException if {@code errorCode} is {@code null}
     */
    public void markFailure(ErrorCode errorCode) {
        Objects.requireNonNull(errorCode, "errorCode must not be null");
        markFailure(errorCode.getCode(), errorCode.getMessage());
    }

    /**
     * Marks this response failed with the given code and message.
     *
     * @param code    the failure's code, required
     * @param message the failure's message, may be {@code null}
     * @throws NullPointerException if {@code code} is {@code null}
     */
    public void markFailure(String code, String message) {
        this.success = false;
        this.code = Objects.requireNonNull(code, "code must not be null");
        this.message = message;
    }

    public boolean isSuccess() {
        return success;
    }

    public void setSuccess(boolean success) {
        this.success = success;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(getClass().getSimpleName())
                .append("{success=").append(success)
                .append(", code=").append(code)
                .append(", message=").append(message);
        appendPayload(text);
        return text.append('}').toString();
    }

    /**
     * Lets subclasses add their payload to {@link #toString()} after the outcome fields.
     *
     * @param text the builder to append {@code ", name=value"} pairs to
     */
    protected void appendPayload(StringBuilder text) {
        // The outcome fields are all a plain response has.
    }
}
