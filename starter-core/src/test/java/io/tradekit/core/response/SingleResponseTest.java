package io.tradekit.core.response;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.error.CommonErrorCode;
import org.junit.jupiter.api.Test;

class SingleResponseTest {

    @Test
    void ofIsASuccessHoldingTheData() {
        SingleResponse<String> response = SingleResponse.of("order-1");

        assertThat(response.isSuccess()).isTrue();
        assertThat(response.getCode()).isEqualTo("SUCCESS");
        assertThat(response.getData()).isEqualTo("order-1");
    }

    @Test
    void ofAcceptsNullDataForCallsThatReturnNothing() {
        SingleResponse<Void> response = SingleResponse.of(null);

        assertThat(response.isSuccess()).isTrue();
        assertThat(response.getData()).isNull();
    }

    @Test
    void failWithCodeAndMessageHasNoData() {
        SingleResponse<String> response = SingleResponse.fail("ORDER_NOT_PAID", "The order is not paid.");

        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo("ORDER_NOT_PAID");
        assertThat(response.getMessage()).isEqualTo("The order is not paid.");
        assertThat(response.getData()).isNull();
    }

    @Test
    void failWithErrorCodeUsesItsDefaultMessage() {
        SingleResponse<Integer> response = SingleResponse.fail(CommonErrorCode.NOT_FOUND);

        assertThat(response.isSuccess()).isFalse();
        assertThat(response.getCode()).isEqualTo("NOT_FOUND");
        assertThat(response.getMessage()).isEqualTo(CommonErrorCode.NOT_FOUND.getMessage());
    }

    @Test
    void toStringIncludesTheData() {
        assertThat(SingleResponse.of(42).toString())
                .startsWith("SingleResponse{success=true, code=SUCCESS")
                .endsWith(", data=42}");
    }
}
