package io.tradekit.core.response;

import io.tradekit.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A {@link BaseResponse} carrying a list that is never {@code null}; see {@link SingleResponse}
 * for one value and {@link PageResponse} for a page of a larger result.
 *
 * @param <T> the type of the elements
 */
public class MultiResponse<T> extends BaseResponse {

    private static final long serialVersionUID = 1L;

    private List<T> list = new ArrayList<>();

    /** Creates an empty response for serialization frameworks; use the factories instead. */
    public MultiResponse() {
    }

    /**
     * Creates a successful response holding a copy of {@code items}.
     *
     * @param items the elements, {@code null} meaning none
     * @param <T>   the type of the elements
     * @return a successful response
     */
    public static <T> MultiResponse<T> of(Collection<? extends T> items) {
        MultiResponse<T> response = new MultiResponse<>();
        response.setList(items == null ? null : new ArrayList<>(items));
        response.markSuccess();
        return response;
    }

    /**
     * Creates a failed response.
     *
     * @param code    the failure's code, required
     * @param message the failure's message
     * @param <T>     the type the elements would have had
     * @return a failed response with an empty list
     */
    public static <T> MultiResponse<T> fail(String code, String message) {
        MultiResponse<T> response = new MultiResponse<>();
        response.markFailure(code, message);
        return response;
    }

    /**
     * Creates a failed response with the code and default message of {@code errorCode}.
     *
     * @param errorCode the failure's code, required
     * @param <T>       the type the elements would have had
     * @return a failed response with an empty list
     */
    public static <T> MultiResponse<T> fail(ErrorCode errorCode) {
        MultiResponse<T> response = new MultiResponse<>();
        response.markFailure(errorCode);
        return response;
    }

    /**
     * Returns the elements.
     *
     * @return the list, empty (never {@code null}) when there are none
     */
    public List<T> getList() {
        // Hessian can still write null into the field, bypassing the setter.
        return list != null ? list : List.of();
    }

    /**
     * Replaces the elements.
     *
     * @param list the elements, {@code null} meaning none
     */
    public void setList(List<T> list) {
        this.list = list != null ? list : new ArrayList<>();
    }

    @Override
    protected void appendPayload(StringBuilder text) {
        // Only the size: the elements can be many and large, and toString() ends up in logs.
        text.append(", listSize=").append(getList().size());
    }
}
