package io.tradekit.core.log;

import java.io.Writer;

/**
 * A {@link Writer} that appends at most a given number of characters to a caller's
 * {@link StringBuilder} (after whatever it already holds) but counts all of them, so that
 * {@link MaskingJsonWriter} can report the full length of an over-long value without holding it in
 * memory, and a log line can be built in one buffer without intermediate strings.
 */
final class TruncatingWriter extends Writer {

    private final int maxLength;
    private final StringBuilder out;
    private final int start;
    private long total;

    TruncatingWriter(StringBuilder out, int maxLength) {
        this.maxLength = maxLength;
        this.out = out;
        this.start = out.length();
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        total += length;
        int room = maxLength - (out.length() - start);
        if (room > 0) {
            out.append(chars, offset, Math.min(room, length));
        }
    }

    @Override
    public void write(String text, int offset, int length) {
        total += length;
        int room = maxLength - (out.length() - start);
        if (room > 0) {
            out.append(text, offset, offset + Math.min(room, length));
        }
    }

    @Override
    public void flush() {
        // Nothing is buffered beyond the kept characters.
    }

    @Override
    public void close() {
        // Nothing to release; the text stays readable after Jackson closes the writer.
    }

    /** Cuts what was appended to the maximum length and adds the marker telling the full length. */
    void finish() {
        if (total <= maxLength) {
            return;
        }
        int end = start + maxLength;
        if (Character.isHighSurrogate(out.charAt(end - 1))) {
            // Never leave half a surrogate pair: the log encoder would turn it into '?'.
            end--;
        }
        out.setLength(end);
        out.append("...(truncated, ").append(total).append(" chars)");
    }

    /** Drops everything this writer appended (the value turned out unserializable). */
    void discard() {
        out.setLength(start);
    }
}
