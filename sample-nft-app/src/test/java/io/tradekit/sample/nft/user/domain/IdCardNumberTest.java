package io.tradekit.sample.nft.user.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdCardNumberTest {

    @Test
    void acceptsTheStandardsExampleAndALowerCaseX() {
        // The check digit example of GB 11643-1999.
        assertThat(IdCardNumber.isValid("11010519491231002X")).isTrue();
        assertThat(IdCardNumber.isValid("11010519491231002x")).isTrue();
        assertThat(IdCardNumber.isValid("440524188001010014")).isFalse(); // birth year before 1900
    }

    @Test
    void refusesWrongCheckDigitsDatesLengthsAndCharacters() {
        assertThat(IdCardNumber.isValid("110105194912310021")).isFalse();
        assertThat(IdCardNumber.isValid("11010519491331002X")).as("month 13").isFalse();
        assertThat(IdCardNumber.isValid("11010519490230002X")).as("30 February").isFalse();
        assertThat(IdCardNumber.isValid("1101051949123100")).isFalse();
        assertThat(IdCardNumber.isValid("11010519491231002XX")).isFalse();
        assertThat(IdCardNumber.isValid("1101051949123100A2")).isFalse();
        assertThat(IdCardNumber.isValid("")).isFalse();
        assertThat(IdCardNumber.isValid(null)).isFalse();
        assertThat(IdCardNumber.isValid("１１０１０５１９４９１２３１００２Ｘ")).as("full-width digits").isFalse();
        String future = "110105" + (java.time.LocalDate.now().getYear() + 1) + "0101001";
        assertThat(IdCardNumber.isValid(future + IdCardNumber.checkCharacter(future))).isFalse();
    }

    @Test
    void checkCharacterFollowsIso7064Mod112() {
        String first17 = "11010519491231002";
        assertThat(IdCardNumber.checkCharacter(first17)).isEqualTo('X');
        for (int i = 0; i < 1000; i++) {
            String body = "3301061990" + String.format("%07d", i * 7919 % 10_000_000).substring(0, 4) + "123";
            if (!body.substring(10, 14).matches("(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])")) {
                continue;
            }
            assertThat(IdCardNumber.isValid(body + IdCardNumber.checkCharacter(body))).isTrue();
        }
    }
}
