package io.tradekit.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommonErrorCodeTest {

    @ParameterizedTest
    @EnumSource(CommonErrorCode.class)
    void usesTheConstantNameAsCode(CommonErrorCode errorCode) {
        assertThat(errorCode.getCode()).isEqualTo(errorCode.name());
    }

    @ParameterizedTest
    @EnumSource(CommonErrorCode.class)
    void hasAShortEnglishSentenceAsMessage(CommonErrorCode errorCode) {
        assertThat(errorCode.getMessage())
                .isNotBlank()
                .hasSizeLessThan(80)
                .matches("[A-Z][A-Za-z ,'-]+\\.");
    }

    @Test
    void containsTheCodesTheOtherModulesRelyOn() {
        assertThat(Arrays.stream(CommonErrorCode.values()).map(CommonErrorCode::getCode))
                .contains("SUCCESS", "PARAM_INVALID", "BIZ_ERROR", "SYSTEM_ERROR", "REMOTE_CALL_FAILED",
                        "LOCK_FAILED", "DUPLICATE_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND",
                        "SERVICE_UNAVAILABLE", "TOO_MANY_REQUESTS");
    }
}
