package io.tradekit.sample.nft.shared.throttle;

import io.tradekit.core.response.BaseResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 429 {@code TOO_MANY_REQUESTS} with {@code Retry-After} for {@link LoginThrottledException};
 * ordered before the sample's catch-all handler, which knows no headers.
 */
@RestControllerAdvice(basePackages = "io.tradekit.sample.nft")
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class LoginThrottleExceptionHandler {

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<BaseResponse> throttled(LoginThrottledException e) {
        BaseResponse body = new BaseResponse();
        body.markFailure(e.getErrorCode().getCode(), e.getMessage());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(body);
    }
}
