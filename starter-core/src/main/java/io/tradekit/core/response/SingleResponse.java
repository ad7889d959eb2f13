package io.tradekit.core.response;

import io.tradekit.core.error.ErrorCode;

/**
 * A {@link BaseResponse} carrying one value; see {@link MultiResponse} for lists and
 * {@link PageResponse} for pages.
 *
 * @param <T> the type of the value
 */
public class SingleResponse<T> extends BaseResponse {

    private static final long serialVersionUID = 1L;

    private T data;

    /** Creates an empty response for serialization frameworks; use the factories instead. */
    public SingleResponse() {
    }

    /**
     * Creates a successful response.
     *
     * @param data the value, may be {@code null} (for example when nothing is returned)
     * @param <T>  the type of the value
     * @return a successful response holding {@code data}
     */
    public static <T> SingleResponse<T> of(T data) {
        SingleResponse<T> response = new SingleResponse<>();
        response.setData(data);
        response.markSuccess();
        return response;
    }

    /**
     * Creates a failed response.
     *
     * @param code    the failure's code, required
     * @param message the failure's message
     * @param <T>     the type the value would have had
     * @return a failed response without data
     */
    public static <T> SingleResponse<T> fail(String code, String message) {
        SingleResponse<T> response = new SingleResponse<>();
        response.markFailure(code, message);
        return response;
    }

    /**
     * Creates a failed response with the code and default message of {@code errorCode}.
     *
     * @param errorCode the failure's code, required
     * @param <T>       the type the value would have had
     * @return a failed response without data
     */
    public static <T> SingleResponse<T> fail(ErrorCode errorCode) {
        SingleResponse<T> response = new SingleResponse<>();
        response.markFailure(errorCode);
        return response;
    }

    public T getData() {
        return data;
    }

    public void setData(T data) {
        this.data = data;
    }

    @Override
    protected void appendPayload(StringBuilder text) {
        text.append(", data=").append(data);
    }
}
