package io.tradekit.core.response;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.tradekit.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A {@link BaseResponse} carrying one page of a larger result: the page's records (never
 * {@code null}), the total record count, the 1-based page number and the page size; see
 * {@link MultiResponse} for an unpaged list.
 *
 * @param <T> the type of the records
 */
// totalPages is derived: written for clients, ignored when read back (there is no setter).
@JsonIgnoreProperties(value = "totalPages", allowGetters = true)
public class PageResponse<T> extends BaseResponse {

    private static final long serialVersionUID = 1L;

    private List<T> records = new ArrayList<>();
    private long total;
    private int page;
    private int size;

    /** Creates an empty response for serialization frameworks; use the factories instead. */
    public PageResponse() {
    }

    /**
     * Creates a successful response for one page.
     *
     * @param records the page's records, {@code null} meaning none; copied
     * @param total   the number of records of the whole result, at least 0
     * @param page    the 1-based page number, at least 1
     * @param size    the page size, at least 1
     * @param <T>     the type of the records
     * @return a successful response
     * @throws IllegalArgumentException if {@code total}, {@code page} or {@code size} is out of range
     */
    public static <T> PageResponse<T> of(Collection<? extends T> records, long total, int page, int size) {
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0 but was " + total);
        }
        if (page < 1) {
            throw new IllegalArgumentException("page is 1-based and must be >= 1 but was " + page);
        }
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1 but was " + size);
        }
        PageResponse<T> response = new PageResponse<>();
        response.setRecords(records == null ? null : new ArrayList<>(records));
        response.setTotal(total);
        response.setPage(page);
        response.setSize(size);
        response.markSuccess();
        return response;
    }

    /**
     * Creates a failed response.
     *
     * @param code    the failure's code, required
     * @param message the failure's message
     * @param <T>     the type the records would have had
     * @return a failed response with no records
     */
    public static <T> PageResponse<T> fail(String code, String message) {
        PageResponse<T> response = new PageResponse<>();
        response.markFailure(code, message);
        return response;
    }

    /**
     * Creates a failed response with the code and default message of {@code errorCode}.
     *
     * @param errorCode the failure's code, required
     * @param <T>       the type the records would have had
     * @return a failed response with no records
     */
    public static <T> PageResponse<T> fail(ErrorCode errorCode) {
        PageResponse<T> response = new PageResponse<>();
        response.markFailure(errorCode);
        return response;
    }

    /**
     * Returns the number of pages of the whole result.
     *
     * @return {@code ceil(total / size)}, or 0 when the size is not positive
     */
    public long getTotalPages() {
        if (size <= 0 || total <= 0) {
            return 0;
        }
        // Not (total + size - 1) / size: that overflows for a total near Long.MAX_VALUE.
        return total / size + (total % size == 0 ? 0 : 1);
    }

    /**
     * Returns the page's records.
     *
     * @return the records, empty (never {@code null}) when there are none
     */
    public List<T> getRecords() {
        // Hessian can still write null into the field, bypassing the setter.
        return records != null ? records : List.of();
    }

    /**
     * Replaces the page's records.
     *
     * @param records the records, {@code null} meaning none
     */
    public void setRecords(List<T> records) {
        this.records = records != null ? records : new ArrayList<>();
    }

    public long getTotal() {
        return total;
    }

    public void setTotal(long total) {
        this.total = total;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        this.size = size;
    }

    @Override
    protected void appendPayload(StringBuilder text) {
        // Only counts: the records can be many and large, and toString() ends up in logs.
        text.append(", total=").append(total)
                .append(", page=").append(page)
                .append(", size=").append(size)
                .append(", recordCount=").append(getRecords().size());
    }
}
