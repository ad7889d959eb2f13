package io.tradekit.sample.nft.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import java.time.LocalDate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 11643 numbers with generated samples (no real person's number). */
class ResidentIdNumberTest {

    @RepeatedTest(20)
    void acceptsGeneratedNumbersAndRejectsEveryOtherCheckCharacter() {
        String number = OnboardingTestData.idNumber(LocalDate.of(1985, 6, 15));
        assertThat(ResidentIdNumber.isValid(number)).isTrue();
        assertThat(ResidentIdNumber.birthDate(number)).contains(LocalDate.of(1985, 6, 15));
        for (char c : "0123456789X".toCharArray()) {
            if (c != number.charAt(17)) {
                assertThat(ResidentIdNumber.isValid(number.substring(0, 17) + c)).isFalse();
            }
        }
    }

    @Test
    void theStandardsWorkedExampleHasCheckCharacterX() {
        // The example of GB 11643-1999 itself (a fictitious person): remainder 2 maps to 'X'.
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.isValid("11010519491231002X")).isTrue();
        assertThat(ResidentIdNumber.isValid("11010519491231002x")).as("the standard's X is upper-case").isFalse();
    }

    @Test
    void birthDatesMustBeRealAndBetween1900AndToday() {
        assertThat(ResidentIdNumber.isValid(withCheck("44052418800101001"))).as("before 1900").isFalse();
        assertThat(ResidentIdNumber.isValid(withCheck("11010519491331002"))).as("month 13").isFalse();
        assertThat(ResidentIdNumber.isValid(withCheck("11010519490230002"))).as("30 February").isFalse();
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-06-01T00:00:00Z"),
                java.time.ZoneOffset.UTC);
        assertThat(ResidentIdNumber.isValid(withCheck("11010520260601001"), clock)).as("born today").isTrue();
        assertThat(ResidentIdNumber.isValid(withCheck("11010520260602001"), clock)).as("born tomorrow").isFalse();
    }

    @Test
    void fullWidthDigitsAreNotDigits() {
        assertThat(ResidentIdNumber.isValid("１１０１０５１９４９１２３１００２Ｘ")).isFalse();
    }

    private static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1101051949123100", "11010519491231002XX", "110105194902300028", "11010519491331002X",
            "A1010519491231002X", "110105 9491231002X", "<script>alert(1)</s"})
    void rejectsMalformedNumbers(String number) {
        assertThat(ResidentIdNumber.isValid(number)).isFalse();
    }
}
