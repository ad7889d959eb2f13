package io.tradekit.sample.nft.parameter.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.core.error.BizException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElementSpecTest {

    private static Element element(String sourceType, String path, String ruleType, Map<String, String> args) {
        return new Element(null, "V", "CODE_1", "name", sourceType, path, ruleType, args, null);
    }

    @Test
    void acceptsTheSeededKindsOfElements() {
        assertThatCode(() -> ElementSpec.check(element("PERSON", "LEGAL_REPRESENTATIVE.age", "RANGE",
                Map.of("min", "18", "max", "70")))).doesNotThrowAnyException();
        assertThatCode(() -> ElementSpec.check(element("THIRD_PARTY", "registry.status", "ENUM",
                Map.of("mode", "ALLOW", "values", "ACTIVE")))).doesNotThrowAnyException();
        assertThatCode(() -> ElementSpec.check(element("APPLICATION", "creditCode", "CHECKSUM",
                Map.of("type", "GB32100")))).doesNotThrowAnyException();
        assertThatCode(() -> ElementSpec.check(element("APPLICATION", "companyName", "REGEX",
                Map.of("pattern", ".*公司")))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PERSON|T(java.lang.Runtime).getRuntime().exec('x')|REQUIRED",
            "PERSON|#{1+1}.age|REQUIRED",
            "APPLICATION|class.classLoader|REQUIRED",
            "THIRD_PARTY|registry.password|REQUIRED",
            "SCRIPT|x|REQUIRED",
            "PERSON|ANY.age|EVAL"})
    void rejectsUnknownSourcesPathsAndRules(String source, String path, String rule) {
        assertThatThrownBy(() -> ElementSpec.check(element(source, path, rule, Map.of())))
                .isInstanceOf(BizException.class).hasMessageNotContaining("Exception");
    }

    @Test
    void rejectsBadArguments() {
        assertInvalid(element("PERSON", "ANY.age", "RANGE", Map.of("min", "70", "max", "18")));
        assertInvalid(element("PERSON", "ANY.age", "RANGE", Map.of("min", "1e9", "max", "2")));
        assertInvalid(element("PERSON", "ANY.age", "RANGE", Map.of("min", "99999999999999999999", "max", "2")));
        assertInvalid(element("APPLICATION", "companyName", "REGEX", Map.of("pattern", "([a-")));
        assertInvalid(element("APPLICATION", "companyName", "REGEX", Map.of("pattern", "a".repeat(201))));
        assertInvalid(element("PERSON", "ANY.nationality", "ENUM", Map.of("mode", "MAYBE", "values", "CHN")));
        assertInvalid(element("PERSON", "ANY.nationality", "ENUM", Map.of("mode", "DENY", "values", "CHN;drop")));
        assertInvalid(element("PERSON", "ANY.idNumber", "CHECKSUM", Map.of("type", "LUHN")));
        assertInvalid(element("PERSON", "ANY.idExpiry", "DATE_NOT_BEFORE", Map.of("warnDays", "-1")));
        assertInvalid(element("PERSON", "ANY.name", "REQUIRED", Map.of("extra", "1")));
    }

    @Test
    void rejectsBadCodesAndNames() {
        assertInvalid(new Element(null, "V", "lower", "n", "CONSTANT", "x", "REQUIRED", Map.of(), null));
        assertInvalid(new Element(null, "V", "A".repeat(41), "n", "CONSTANT", "x", "REQUIRED", Map.of(), null));
        assertInvalid(new Element(null, "V", "CODE", "", "CONSTANT", "x", "REQUIRED", Map.of(), null));
        assertInvalid(new Element(null, "V", "CODE", "n", null, null, "REQUIRED", Map.of(), null));
    }

    private static void assertInvalid(Element element) {
        assertThatThrownBy(() -> ElementSpec.check(element)).isInstanceOf(BizException.class)
                .extracting(e -> ((BizException) e).getErrorCode()).isEqualTo(ParameterErrorCode.INVALID_ELEMENT);
    }
}
