package io.tradekit.core.log;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Extends JSON's mandatory escaping (C0 controls, quote, backslash) to DEL, C1 controls and the
 * Unicode line and paragraph separators, which some log viewers treat as line breaks; used by
 * {@link MaskingJsonWriter} and matching {@link LogSanitizer#escape(String)}.
 */
final class LineBreakEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;

    private final int[] asciiEscapes;

    LineBreakEscapes() {
        int[] escapes = standardAsciiEscapesForJSON();
        escapes[0x7F] = ESCAPE_STANDARD;
        this.asciiEscapes = escapes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch <= Character.MAX_VALUE && LogSanitizer.isControl((char) ch)) {
            return new SerializedString(String.format("\\u%04x", ch));
        }
        return null;
    }
}
