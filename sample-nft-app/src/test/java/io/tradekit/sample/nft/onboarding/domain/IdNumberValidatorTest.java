package io.tradekit.sample.nft.onboarding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import java.time.LocalDate;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberValidatorTest {

    @RepeatedTest(20)
    void acceptsGeneratedNumbersAndRejectsEveryOtherCheckCharacter() {
        String number = OnboardingTestData.idNumber(LocalDate.of(1985, 6, 15));
        assertThat(IdNumberValidator.isValid(number)).isTrue();
        assertThat(IdNumberValidator.birthDate(number)).contains(LocalDate.of(1985, 6, 15));
        for (char c : "0123456789X".toCharArray()) {
            if (c != number.charAt(17)) {
                assertThat(IdNumberValidator.isValid(number.substring(0, 17) + c)).isFalse();
            }
        }
    }

    @Test
    void theStandardsWorkedExampleHasCheckCharacterX() {
        // The example of GB 11643-1999 itself (a fictitious person): remainder 2 maps to 'X'.
        assertThat(IdNumberValidator.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumberValidator.isValid("11010519491231002X")).isTrue();
        assertThat(IdNumberValidator.isValid("11010519491231002x")).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1101051949123100", "11010519491231002XX", "110105194902300028", "11010519491331002X",
            "A1010519491231002X", "110105 9491231002X", "<script>alert(1)</s"})
    void rejectsMalformedNumbers(String number) {
        assertThat(IdNumberValidator.isValid(number)).isFalse();
    }
}
