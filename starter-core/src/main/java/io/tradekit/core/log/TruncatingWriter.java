package io.tradekit.core.log;

import java.io.Writer;

/**
 * A {@link Writer} that keeps at most a given number of characters but counts all of them, so
 * that {@link MaskingJsonWriter} can report the full length of an over-long value without
 * holding it in memory.
 */
final class TruncatingWriter extends Writer {

    private final int maxLength;
    private final StringBuilder kept;
    private long total;

    TruncatingWriter(int maxLength) {
        this.maxLength = maxLength;
        this.kept = new StringBuilder(Math.min(maxLength, 256));
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        total += length;
        int room = maxLength - kept.length();
        if (room > 0) {
            kept.append(chars, offset, Math.min(room, length));
        }
    }

    @Override
    public void write(String text, int offset, int length) {
        total += length;
        int room = maxLength - kept.length();
        if (room > 0) {
            kept.append(text, offset, offset + Math.min(room, length));
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

    /**
     * Returns what was written, cut to the maximum length with a marker telling the full length.
     *
     * @return the text, or its truncated form ending with {@code ...(truncated, N chars)}
     */
    String result() {
        if (total <= maxLength) {
            return kept.toString();
        }
        int end = maxLength;
        if (Character.isHighSurrogate(kept.charAt(end - 1))) {
            // Never leave half a surrogate pair: the log encoder would turn it into '?'.
            end--;
        }
        return kept.substring(0, end) + "...(truncated, " + total + " chars)";
    }
}
