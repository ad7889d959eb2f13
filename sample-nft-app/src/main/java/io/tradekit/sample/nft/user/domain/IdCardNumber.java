package io.tradekit.sample.nft.user.domain;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The 18-character citizen ID number of GB 11643-1999: 6 region digits, the birth date
 * (yyyyMMdd), 3 sequence digits and an ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}).
 */
public final class IdCardNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private IdCardNumber() {
    }

    /** Whether {@code value} is well formed, has a real past birth date, and the right check character. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        if (!validBirthDate(value.substring(6, 14))) {
            return false;
        }
        return Character.toUpperCase(value.charAt(17)) == checkCharacter(value.substring(0, 17));
    }

    /** The check character of the first 17 digits (callers make sure they are digits). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    private static boolean validBirthDate(String yyyymmdd) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                    Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
            return date.getYear() >= 1900 && !date.isAfter(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }
}
