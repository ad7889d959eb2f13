package io.tradekit.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class MaskingTest {

    @Test
    void masksMobileKeepingFirstThreeAndLastFour() {
        assertThat(Masking.mask("13812345678", SensitiveType.MOBILE)).isEqualTo("138****5678");
    }

    @Test
    void masksIdCardKeepingFirstThreeAndLastFour() {
        assertThat(Masking.mask("110101199003074518", SensitiveType.ID_CARD)).isEqualTo("110***********4518");
    }

    @Test
    void masksNameKeepingTheFirstCharacter() {
        assertThat(Masking.mask("张三丰", SensitiveType.NAME)).isEqualTo("张**");
        assertThat(Masking.mask("张三", SensitiveType.NAME)).isEqualTo("张*");
        assertThat(Masking.mask("Alice", SensitiveType.NAME)).isEqualTo("A****");
    }

    @Test
    void masksBankCardKeepingTheLastFour() {
        assertThat(Masking.mask("6222021234567890123", SensitiveType.BANK_CARD)).isEqualTo("***************0123");
    }

    @Test
    void masksTheLocalPartOfAnEmailKeepingItsFirstCharacter() {
        assertThat(Masking.mask("zhangsan@example.com", SensitiveType.EMAIL)).isEqualTo("z*******@example.com");
        assertThat(Masking.mask("\"a@b\"@example.com", SensitiveType.EMAIL)).isEqualTo("\"****@example.com");
    }

    @Test
    void hidesAnEmailWithoutAtSignAsASecret() {
        assertThat(Masking.mask("zhangsan.example.com", SensitiveType.EMAIL)).isEqualTo(Masking.SECRET_MASK);
    }

    @Test
    void hidesAOneCharacterEmailLocalPartEntirely() {
        assertThat(Masking.mask("z@example.com", SensitiveType.EMAIL)).isEqualTo("*@example.com");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x", "pw", "a-much-longer-secret-value-than-six", "******"})
    void hidesASecretWithAFixedLengthMask(String secret) {
        assertThat(Masking.mask(secret, SensitiveType.SECRET)).isEqualTo("******");
    }

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource({
        "13812, MOBILE, *****",
        "1381234567, MOBILE, **********",
        "1234567890, ID_CARD, **********",
        "1234567, BANK_CARD, *******",
        "12345678, BANK_CARD, ****5678",
        "张, NAME, *",
        "7, MOBILE, *",
        "7, BANK_CARD, *"
    })
    void hidesValuesTooShortToKeepTheVisibleParts(String value, SensitiveType type, String expected) {
        assertThat(Masking.mask(value, type)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(SensitiveType.class)
    void keepsNullAndEmptyAsTheyAre(SensitiveType type) {
        assertThat(Masking.mask(null, type)).isNull();
        assertThat(Masking.mask("", type)).isEmpty();
    }

    @Test
    void countsSurrogatePairsAsOneCharacter() {
        String ancientName = "\uD840\uDC00\u4E09\u4E30";
        String emojiName = "😀bc";

        assertThat(Masking.mask(ancientName, SensitiveType.NAME)).isEqualTo("\uD840\uDC00**");
        assertThat(Masking.mask(emojiName, SensitiveType.NAME)).isEqualTo("😀**");
        assertThat(Masking.mask("😀😀", SensitiveType.NAME)).isEqualTo("😀*");
        assertThat(Masking.mask("1381234😀678", SensitiveType.MOBILE)).isEqualTo("138****😀678");
    }

    @Test
    void neverLeavesHalfASurrogatePair() {
        String masked = Masking.mask("😀😀😀😀😀😀😀😀😀😀😀", SensitiveType.MOBILE);

        assertThat(masked).isEqualTo("😀😀😀****😀😀😀😀");
        assertThat(masked.codePoints()).noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    @Test
    void countsWhitespaceAsCharactersWithoutTrimming() {
        assertThat(Masking.mask(" 13812345678", SensitiveType.MOBILE)).isEqualTo(" 13*****5678");
        assertThat(Masking.mask("   ", SensitiveType.NAME)).isEqualTo(" **");
        assertThat(Masking.mask("   ", SensitiveType.MOBILE)).isEqualTo("***");
    }

    @Test
    void rejectsAMissingType() {
        assertThatNullPointerException().isThrownBy(() -> Masking.mask("x", null))
                .withMessage("type must not be null");
    }
}
