package io.tradekit.sample.nft.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.ErrorCode;
import io.tradekit.core.response.BaseResponse;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** How codes and container statuses become answers, including the 500 no HTTP test can provoke. */
class HttpFailuresTest {

    @Test
    void theNotFoundFamilyIs404AndOtherBusinessRefusals422() {
        assertThat(HttpFailures.statusOf(CommonErrorCode.NOT_FOUND)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(HttpFailures.statusOf(code("ORDER_NOT_FOUND"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(HttpFailures.statusOf(code("USER_NOT_FOUND"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(HttpFailures.statusOf(code("UNKNOWN_VOUCHER"))).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(HttpFailures.statusOf(code("NOT_FOUND_YET"))).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(HttpFailures.statusOf(code(null))).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(HttpFailures.statusOf(CommonErrorCode.BIZ_ERROR)).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(HttpFailures.statusOf(CommonErrorCode.PARAM_INVALID)).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aServerFailureOnTheErrorPageIsSystemErrorWithoutItsDetail() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("password=hunter2"));
        ResponseEntity<BaseResponse> answer = new JsonErrorController().error(request);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(answer.getBody().getCode()).isEqualTo("SYSTEM_ERROR");
        assertThat(answer.getBody().getMessage()).doesNotContain("hunter2").doesNotContain("IllegalState");
    }

    @Test
    void oddStatusesBecomeSystemErrorAndNoStatusIsNotFound() {
        for (Object odd : new Object[] {999, 200, 302, -1, "404"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, odd);
            HttpStatus expected = odd.equals("404") ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
            assertThat(new JsonErrorController().error(request).getStatusCode()).as(String.valueOf(odd)).isEqualTo(expected);
        }
        assertThat(new JsonErrorController().error(new MockHttpServletRequest("GET", "/error")).getBody().getCode())
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void anUnexpectedExceptionInAControllerIsSystemErrorWithoutItsDetail() {
        ResponseEntity<BaseResponse> answer = new ApiExceptionHandler(new org.springframework.beans.factory.support.StaticListableBeanFactory()
                .getBeanProvider(io.tradekit.sample.nft.shared.metrics.RefusalMeters.class)).unexpected(new RuntimeException("SELECT * FROM secret"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getCode()).isEqualTo("SYSTEM_ERROR");
        assertThat(answer.getBody().getMessage()).doesNotContain("secret");
    }

    private static ErrorCode code(String name) {
        return new ErrorCode() {
            @Override
            public String getCode() {
                return name;
            }

            @Override
            public String getMessage() {
                return "m";
            }
        };
    }
}
