package io.tradekit.core.log;

import java.util.Objects;

/**
 * The masking rules of each {@link SensitiveType}, as a pure function on strings used by
 * {@link MaskingJsonWriter} for {@link Sensitive} values and available to any other code.
 *
 * <p>Lengths are counted in code points, so a surrogate pair (an emoji, a rare CJK character) is
 * never cut in half. The visible parts are kept only when the hidden part is at least as long as
 * the longer visible part (an 11-digit mobile hides 4 and shows 3 + 4); a value too short for
 * that is masked entirely, one {@code *} per character. {@code null} and the empty string are
 * returned unchanged. Whitespace is not trimmed: it counts as characters like any other.
 */
public final class Masking {

    /** What a {@link SensitiveType#SECRET} becomes, whatever its length. */
    public static final String SECRET_MASK = "******";

    private static final char MASK = '*';

    private Masking() {
    }

    /**
     * Masks a value with the rule of {@code type}.
     *
     * @param value the value, may be {@code null}
     * @param type  the rule, required
     * @return the masked value; {@code null} or empty when {@code value} is
     * @throws NullPointerException if {@code type} is {@code null}
     */
    public static String mask(String value, SensitiveType type) {
        Objects.requireNonNull(type, "type must not be null");
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (type) {
            case MOBILE, ID_CARD -> keep(value, 3, 4);
            case NAME -> keep(value, 1, 0);
            case BANK_CARD -> keep(value, 0, 4);
            case EMAIL -> maskEmail(value);
            case SECRET -> SECRET_MASK;
        };
    }

    private static String maskEmail(String value) {
        // The domain never contains '@' while a quoted local part may, hence the last one.
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return SECRET_MASK;
        }
        return keep(value.substring(0, at), 1, 0) + value.substring(at);
    }

    private static String keep(String value, int head, int tail) {
        int length = value.codePointCount(0, value.length());
        int hidden = length - head - tail;
        if (hidden < Math.max(1, Math.max(head, tail))) {
            return stars(length);
        }
        int headEnd = value.offsetByCodePoints(0, head);
        int tailStart = value.offsetByCodePoints(value.length(), -tail);
        return value.substring(0, headEnd) + stars(hidden) + value.substring(tailStart);
    }

    private static String stars(int count) {
        return String.valueOf(MASK).repeat(count);
    }
}
