package io.tradekit.core.log;

/**
 * Escapes line breaks and other control characters in values logged as plain text, so that
 * hostile input cannot start a forged log line; {@link MaskingJsonWriter} applies the same
 * escaping inside its JSON.
 */
public final class LogSanitizer {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogSanitizer() {
    }

    /**
     * Escapes CR, LF and TAB as {@code \r}, {@code \n} and {@code \t}, the backslash as
     * {@code \\}, and every other control character (C0, DEL, C1, and the Unicode line and
     * paragraph separators U+2028 and U+2029) as {@code \}{@code uXXXX}.
     *
     * <p>The backslash is escaped too so that the result stays unambiguous: a literal
     * {@code \n} typed by an attacker cannot pass for an escaped line break.
     *
     * @param value the value, may be {@code null}
     * @return the escaped value, {@code null} when {@code value} is
     */
    public static String escape(String value) {
        if (value == null) {
            return null;
        }
        int first = firstToEscape(value);
        if (first < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, first);
        for (int i = first; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> appendChar(out, c);
            }
        }
        return out.toString();
    }

    /**
     * Tells whether a character is a control or line-separator character that must not reach a
     * log line raw; the backslash is not one of them.
     *
     * @param c the character
     * @return {@code true} for C0 controls, DEL, C1 controls, U+2028 and U+2029
     */
    static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }

    private static void appendChar(StringBuilder out, char c) {
        if (!isControl(c)) {
            out.append(c);
            return;
        }
        out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }

    private static int firstToEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || isControl(c)) {
                return i;
            }
        }
        return -1;
    }
}
