package io.tradekit.stock;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;

/**
 * The rules for item ids, buyer ids and identifiers: 1 to 64 characters of {@code A-Z a-z 0-9 _ . : @ -}.
 *
 * <p>The charset leaves out on purpose: {@code { }} (they would break the Redis Cluster hash tag of
 * the keys), {@code |} and {@code #} (the record field separators), glob characters
 * {@code * ? [ ] \}, quotes, spaces and control characters (CR/LF), so an id can never forge another
 * key, another record field, or a log line.
 */
public final class StockIds {

    /** The longest id accepted. */
    public static final int MAX_LENGTH = 64;

    /** The largest quantity of one deduction or increase. */
    public static final long MAX_QUANTITY = 1_000_000L;

    /** The largest stock {@link StockService#init} accepts (well inside a Lua number's exact range). */
    public static final long MAX_STOCK = 1_000_000_000_000L;

    private StockIds() {
    }

    /**
     * Checks an id.
     *
     * @param name  the parameter's name, for the message (the value itself is never echoed)
     * @param value the id
     * @return {@code value}
     * @throws BizException {@code PARAM_INVALID} when null, blank, too long or outside the charset
     */
    public static String check(String name, String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw invalid(name + " must be 1 to " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '@' || c == '-';
            if (!ok) {
                throw invalid(name + " may hold only A-Z a-z 0-9 _ . : @ -");
            }
        }
        return value;
    }

    /**
     * Checks a quantity is within {@code 1..max}.
     *
     * @throws BizException {@code PARAM_INVALID} otherwise
     */
    static long checkQuantity(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw invalid(name + " must be between " + min + " and " + max);
        }
        return value;
    }

    private static BizException invalid(String message) {
        return new BizException(CommonErrorCode.PARAM_INVALID, message);
    }
}
