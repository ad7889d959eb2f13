package io.tradekit.core.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.tradekit.core.error.CommonErrorCode;
import org.junit.jupiter.api.Test;

class BaseResponseTest {

    @Test
    void startsUnsuccessfulWithoutCodeOrMessage() {
        BaseResponse response = new BaseResponse();

        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isNull();
        assertThat(response.getMessage()).isNull();
    }

    @Test
    void markSuccessFillsTheSuccessCodeAndMessage() {
        BaseResponse response = new BaseResponse();

        response.markSuccess();

        assertThat(response.isSuccess()).isTrue();
        assertThat(response.getCode()).isEqualTo("SUCCESS");
        assertThat(response.getMessage()).isEqualTo(CommonErrorCode.SUCCESS.getMessage());
    }

    @Test
    void markSuccessKeepsACodeAndMessageAlreadySet() {
        BaseResponse response = new BaseResponse();
        response.setCode("ACCEPTED");
        response.setMessage("Queued for settlement.");

        response.markSuccess();

        assertThat(response.isSuccess()).isTrue();
        assertThat(response.getCode()).isEqualTo("ACCEPTED");
        assertThat(response.getMessage()).isEqualTo("Queued for settlement.");
    }

    @Test
    void markSuccessReplacesAnEmptyCodeAndMessage() {
        BaseResponse response = new BaseResponse();
        response.setCode("");
        response.setMessage("");

        response.markSuccess();

        assertThat(response.getCode()).isEqualTo("SUCCESS");
        assertThat(response.getMessage()).isEqualTo(CommonErrorCode.SUCCESS.getMessage());
    }

    @Test
    void markFailureTakesCodeAndMessageFromTheErrorCode() {
        SingleResponse<String> response = SingleResponse.of("ok");

        response.markFailure(CommonErrorCode.LOCK_FAILED);

        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo("LOCK_FAILED");
        assertThat(response.getMessage()).isEqualTo(CommonErrorCode.LOCK_FAILED.getMessage());
    }

    @Test
    void markFailureOverwritesASuccess() {
        BaseResponse response = new BaseResponse();
        response.markSuccess();

        response.markFailure("ORDER_CLOSED", "The order is closed.");

        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo("ORDER_CLOSED");
        assertThat(response.getMessage()).isEqualTo("The order is closed.");
    }

    @Test
    void markFailureRejectsAMissingCode() {
        BaseResponse response = new BaseResponse();

        assertThatNullPointerException().isThrownBy(() -> response.markFailure((String) null, "message"))
                .withMessage("code must not be null");
        assertThatNullPointerException().isThrownBy(() -> response.markFailure(null))
                .withMessage("errorCode must not be null");
    }

    @Test
    void toStringShowsTheOutcome() {
        BaseResponse response = new BaseResponse();
        response.markFailure(CommonErrorCode.FORBIDDEN);

        assertThat(response).hasToString(
                "BaseResponse{success=false, code=FORBIDDEN, message=" + CommonErrorCode.FORBIDDEN.getMessage() + "}");
    }
}
