package io.tradekit.sample.nft.onboarding.domain;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, S, V, Z), an administrative division of
 * six digits at positions 3–8, and a check character at the end computed modulo 31.
 */
public final class CreditCodeValidator {

    /** The code's alphabet; a character's value is its index. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodeValidator() {
    }

    /** Whether {@code code} is a well-formed credit code with a correct check character. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 2; i < 8; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        char expected;
        try {
            expected = checkCharacter(code.substring(0, 17));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return code.charAt(17) == expected;
    }

    /**
     * The check character for the first 17 characters of a code.
     *
     * @throws IllegalArgumentException if {@code body} is not 17 characters of the alphabet
     */
    public static char checkCharacter(String body) {
        if (body == null || body.length() != 17) {
            throw new IllegalArgumentException("a credit code body has 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(body.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is outside the GB 32100 alphabet");
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check);
    }
}
