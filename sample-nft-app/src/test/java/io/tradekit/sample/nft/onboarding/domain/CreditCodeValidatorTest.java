package io.tradekit.sample.nft.onboarding.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.sample.nft.onboarding.OnboardingTestData;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeValidatorTest {

    @RepeatedTest(20)
    void acceptsGeneratedCodesAndRejectsEveryOtherCheckCharacter() {
        String code = OnboardingTestData.creditCode();
        assertThat(CreditCodeValidator.isValid(code)).isTrue();
        for (char c : CreditCodeValidator.ALPHABET.toCharArray()) {
            if (c != code.charAt(17)) {
                assertThat(CreditCodeValidator.isValid(code.substring(0, 17) + c)).as("check %s", c).isFalse();
            }
        }
    }

    @Test
    void computesTheCheckCharacterOfAHandCheckedBody() {
        // 9*1 + 1*3 + 1*9 + 1*27 + 0*19 + 1*26 + 0*16 + 5*17 + 0*20 + 0*29 + ... = 159; 31 - 159 % 31 = 27 -> 'U'
        assertThat(CreditCodeValidator.checkCharacter("91110105000000000")).isEqualTo('U');
        assertThat(CreditCodeValidator.isValid("91110105000000000U")).isTrue();
    }

    @Test
    void aCheckValueOfThirtyOneBecomesZero() {
        // Find a body whose weighted sum is a multiple of 31 by varying the last character.
        String prefix = "9111010500000000";
        for (char c : CreditCodeValidator.ALPHABET.toCharArray()) {
            if (CreditCodeValidator.checkCharacter(prefix + c) == '0') {
                assertThat(CreditCodeValidator.isValid(prefix + c + '0')).isTrue();
                return;
            }
        }
        throw new AssertionError("no body with check character 0 found");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"91110105000000000", "91110105000000000UU", "91110105O00000000U", "9111010500000000IU",
            "91A10105000000000U", "91110105000000000u", "９1110105000000000U", "' OR 1=1 --xxxxxxx"})
    void rejectsMalformedCodes(String code) {
        assertThat(CreditCodeValidator.isValid(code)).isFalse();
    }

    @Test
    void checkCharacterRefusesBodiesOutsideTheAlphabet() {
        assertThatThrownBy(() -> CreditCodeValidator.checkCharacter("9111010500000000Z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditCodeValidator.checkCharacter(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
