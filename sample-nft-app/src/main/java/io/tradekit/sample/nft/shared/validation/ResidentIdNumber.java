package io.tradekit.sample.nft.shared.validation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The mainland resident ID number of GB 11643-1999: 17 digits (division, birth date yyyyMMdd,
 * sequence) and a check character {@code 0-9} or upper-case {@code X} (ISO 7064 MOD 11-2). One rule
 * for every context: buyers' real-name authentication and the onboarding's related persons. Entries
 * that accept a lower-case {@code x} from people upper-case it before asking.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECKS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private ResidentIdNumber() {
    }

    /**
     * Whether {@code number} has 18 characters, a real birth date between 1900-01-01 and today and a
     * correct check character.
     */
    public static boolean isValid(String number) {
        return isValid(number, Clock.systemDefaultZone());
    }

    static boolean isValid(String number, Clock clock) {
        if (number == null || number.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (number.charAt(i) < '0' || number.charAt(i) > '9') {
                return false;
            }
        }
        Optional<LocalDate> birth = birthDate(number);
        return birth.isPresent() && !birth.get().isBefore(EARLIEST_BIRTH) && !birth.get().isAfter(LocalDate.now(clock))
                && number.charAt(17) == checkCharacter(number.substring(0, 17));
    }

    /** The check character for 17 digits. */
    public static char checkCharacter(String digits) {
        if (digits == null || digits.length() != 17) {
            throw new IllegalArgumentException("an ID number body has 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("ID number body must be digits");
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return CHECKS.charAt(sum % 11);
    }

    /** The birth date encoded at positions 7–14, empty when it is not a real date. */
    public static Optional<LocalDate> birthDate(String number) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
