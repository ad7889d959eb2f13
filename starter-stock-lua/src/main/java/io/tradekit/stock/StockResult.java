package io.tradekit.stock;

import java.util.Objects;

/**
 * The reply of {@link StockService#deduct} or {@link StockService#increase}.
 *
 * @param success   whether the stock was changed by this or an earlier identical operation
 * @param code      the outcome
 * @param before    the stock before the operation ({@code -1} when unknown: missing item, sold-out fast-fail)
 * @param after     the stock after it ({@code before} when nothing changed)
 * @param replay    whether this reply is the recorded result of an earlier identical operation
 * @param timestamp the Redis time (epoch milliseconds) the operation was applied, {@code 0} when it was not
 */
public record StockResult(boolean success, StockCode code, long before, long after, boolean replay, long timestamp) {

    /** Checks the code is present and agrees with {@code success}. */
    public StockResult {
        Objects.requireNonNull(code, "code");
        if (success != (code == StockCode.SUCCESS)) {
            throw new IllegalArgumentException("success must be true exactly for SUCCESS");
        }
    }

    /** A failure that changed nothing. */
    static StockResult failure(StockCode code, long stock) {
        return new StockResult(false, code, stock, stock, false, 0L);
    }
}
