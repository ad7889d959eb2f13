package io.tradekit.sample.nft.shared.web;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.ErrorCode;
import io.tradekit.core.response.BaseResponse;
import io.tradekit.sample.nft.shared.metrics.RefusalMeters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns failures of every web entry into the core's JSON {@link BaseResponse} with an HTTP status
 * that matches the code ({@link HttpFailures}); internal details stay in the log. What fails outside a
 * controller of the sample is answered by {@link JsonErrorController}.
 */
@RestControllerAdvice(basePackages = "io.tradekit.sample.nft")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ObjectProvider<RefusalMeters> refusals;

    /** @param refusals counts every business refusal by code (sold-out included), whichever class threw it */
    ApiExceptionHandler(ObjectProvider<RefusalMeters> refusals) {
        this.refusals = refusals;
    }

    @ExceptionHandler(BizException.class)
    ResponseEntity<BaseResponse> business(BizException e) {
        refusals.ifAvailable(meters -> meters.refused(e.getErrorCode()));
        return HttpFailures.of(statusOf(e.getErrorCode()), e.getErrorCode(), e.getMessage());
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
            HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<BaseResponse> badRequest(Exception e) {
        return refusal(e instanceof org.springframework.web.ErrorResponse known ? known.getStatusCode()
                : HttpStatus.BAD_REQUEST);
    }

    private static ResponseEntity<BaseResponse> refusal(HttpStatusCode status) {
        return HttpFailures.forStatus(status.value());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<BaseResponse> unexpected(Exception e) {
        log.error("Unhandled failure in a web entry", e);
        return HttpFailures.forStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
    }

    /** See {@link HttpFailures#statusOf}: {@code *_NOT_FOUND} is 404, other business refusals 422. */
    static HttpStatus statusOf(ErrorCode code) {
        return HttpFailures.statusOf(code);
    }
}
