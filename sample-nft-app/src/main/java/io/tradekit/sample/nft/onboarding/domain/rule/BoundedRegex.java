package io.tradekit.sample.nft.onboarding.domain.rule;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regex matching with a step budget: patterns come from administrators' data, and a catastrophic
 * backtracking pattern must fail one check, not hang a request thread. Java's matcher has no
 * timeout, so the input counts how often the matcher reads it.
 */
public final class BoundedRegex {

    /** Longest pattern accepted from data. */
    public static final int MAX_PATTERN_LENGTH = 200;
    /** Longest value matched. */
    static final int MAX_INPUT_LENGTH = 512;
    private static final long STEP_BUDGET = 200_000;

    private BoundedRegex() {
    }

    /** Whether {@code pattern} compiles and is short enough to be stored as a rule. */
    public static boolean isAcceptable(String pattern) {
        if (pattern == null || pattern.isEmpty() || pattern.length() > MAX_PATTERN_LENGTH) {
            return false;
        }
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /**
     * Whether the whole {@code value} matches.
     *
     * @throws IllegalArgumentException if the pattern is unacceptable, the value too long or the budget spent
     */
    static boolean matches(String pattern, String value) {
        if (!isAcceptable(pattern) || value.length() > MAX_INPUT_LENGTH) {
            throw new IllegalArgumentException("pattern or value out of bounds");
        }
        return Pattern.compile(pattern).matcher(new Budgeted(value)).matches();
    }

    private static final class Budgeted implements CharSequence {
        private final String value;
        private long steps;

        Budgeted(String value) {
            this.value = value;
        }

        @Override
        public char charAt(int index) {
            if (++steps > STEP_BUDGET) {
                throw new IllegalArgumentException("pattern exceeded its matching budget");
            }
            return value.charAt(index);
        }

        @Override
        public int length() {
            return value.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return value.substring(start, end);
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
