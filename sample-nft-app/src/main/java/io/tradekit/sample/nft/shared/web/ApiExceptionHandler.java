package io.tradekit.sample.nft.shared.web;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.ErrorCode;
import io.tradekit.core.response.BaseResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures of every web entry into the core's JSON {@link BaseResponse} with an HTTP status
 * that matches the code; internal details stay in the log.
 */
@RestControllerAdvice(basePackages = "io.tradekit.sample.nft")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(BizException.class)
    ResponseEntity<BaseResponse> business(BizException e) {
        return respond(statusOf(e.getErrorCode()), e.getErrorCode().getCode(), e.getMessage());
    }

    /**
     * Spring MVC's own refusals (unreadable body, missing header, wrong path variable type, wrong
     * method): their 4xx status, not a 500, and no detail of the parser's message.
     */
    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<BaseResponse> refused(Exception e) {
        HttpStatusCode status = ((org.springframework.web.ErrorResponse) e).getStatusCode();
        return refusal(status);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, TypeMismatchException.class,
            MissingServletRequestParameterException.class, MissingRequestHeaderException.class,
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<BaseResponse> badRequest(Exception e) {
        return refusal(e instanceof org.springframework.web.ErrorResponse known ? known.getStatusCode()
                : HttpStatus.BAD_REQUEST);
    }

    private static ResponseEntity<BaseResponse> refusal(HttpStatusCode status) {
        if (!status.is4xxClientError()) {
            return respond(HttpStatus.INTERNAL_SERVER_ERROR, CommonErrorCode.SYSTEM_ERROR.getCode(),
                    CommonErrorCode.SYSTEM_ERROR.getMessage());
        }
        CommonErrorCode code = status.value() == 404 ? CommonErrorCode.NOT_FOUND : CommonErrorCode.PARAM_INVALID;
        BaseResponse body = new BaseResponse();
        body.markFailure(code.getCode(), code.getMessage());
        return ResponseEntity.status(status).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<BaseResponse> unexpected(Exception e) {
        log.error("Unhandled failure in a web entry", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, CommonErrorCode.SYSTEM_ERROR.getCode(),
                CommonErrorCode.SYSTEM_ERROR.getMessage());
    }

    static HttpStatus statusOf(ErrorCode code) {
        if (!(code instanceof CommonErrorCode common)) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        return switch (common) {
            case PARAM_INVALID -> HttpStatus.BAD_REQUEST;
            case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
            case DUPLICATE_REQUEST, LOCK_FAILED -> HttpStatus.CONFLICT;
            case SERVICE_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case SYSTEM_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
    }

    private static ResponseEntity<BaseResponse> respond(HttpStatus status, String code, String message) {
        BaseResponse body = new BaseResponse();
        body.markFailure(code, message);
        return ResponseEntity.status(status).body(body);
    }
}
