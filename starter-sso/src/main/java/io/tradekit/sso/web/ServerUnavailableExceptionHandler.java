package io.tradekit.sso.web;

import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.response.BaseResponse;
import io.tradekit.core.response.SingleResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a {@link ServerUnavailableException} thrown inside a controller (a login while Redis is
 * down, or any other server's breaker refusing) as JSON {@link BaseResponse} 503
 * {@code SERVICE_UNAVAILABLE} with {@code Retry-After}, without a stack trace in the log: the
 * breaker's log already says the server is down. Ordered early so that a catch-all handler does not
 * turn it into a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class ServerUnavailableExceptionHandler {

    @ExceptionHandler(ServerUnavailableException.class)
    public ResponseEntity<BaseResponse> handle(ServerUnavailableException e) {
        return ResponseEntity.status(503)
                .header("Retry-After", Long.toString(e.getRetryAfterSeconds()))
                .header("Cache-Control", "no-store")
                .body(SingleResponse.fail(e.getCode(), e.getMessage()));
    }
}
