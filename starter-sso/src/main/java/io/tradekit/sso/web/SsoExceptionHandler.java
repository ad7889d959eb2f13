package io.tradekit.sso.web;

import cn.dev33.satoken.exception.SaTokenException;
import io.tradekit.core.response.BaseResponse;
import io.tradekit.core.response.SingleResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers Sa-Token failures thrown inside controllers ({@code ssoLoginService.currentUserId()},
 * {@code StpUtil.checkPermission(...)}) as JSON {@link BaseResponse}: 401 {@code UNAUTHORIZED},
 * 403 {@code FORBIDDEN}. Ordered early so that an application's catch-all handler does not turn them
 * into 500s.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
public class SsoExceptionHandler {

    @ExceptionHandler(SaTokenException.class)
    public ResponseEntity<BaseResponse> handle(SaTokenException e) throws SaTokenException {
        SsoErrors.Failure failure = SsoErrors.of(e);
        if (failure == null) {
            throw e;
        }
        return ResponseEntity.status(failure.status())
                .header("Cache-Control", "no-store")
                .body(SingleResponse.fail(failure.code().getCode(), failure.message()));
    }
}
