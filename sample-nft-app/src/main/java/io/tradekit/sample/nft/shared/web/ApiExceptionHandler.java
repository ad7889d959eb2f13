package io.tradekit.sample.nft.shared.web;

import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.SystemException;
import io.tradekit.core.error.TradekitException;
import io.tradekit.core.log.LogSanitizer;
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
        if (e.getErrorCode() == CommonErrorCode.SERVICE_UNAVAILABLE) {
            return unavailable(e);
        }
        return HttpFailures.of(statusOf(e.getErrorCode()), e.getErrorCode(), e.getMessage());
    }

    /**
     * A server the request needs is down (Redis, the broker, the goods service): 503 with
     * {@code Retry-After}, and no stack trace per request: the server's breaker logs the outage once,
     * then a count. Other system faults stay 500 with their stack trace.
     */
    @ExceptionHandler(SystemException.class)
    ResponseEntity<BaseResponse> system(SystemException e) {
        if (e.getErrorCode() != CommonErrorCode.SERVICE_UNAVAILABLE) {
            return unexpected(e);
        }
        return unavailable(e);
    }

    private static ResponseEntity<BaseResponse> unavailable(TradekitException e) {
        ServerUnavailableException server = ServerUnavailableException.find(e);
        long retryAfter = server != null ? server.getRetryAfterSeconds() : 1;
        if (server == null || !server.isRefused()) {
            log.warn("Service unavailable: {}", LogSanitizer.escape(e.getMessage()));
        }
        // A business message is written for clients; a system fault's may name a client exception or an address.
        String message = e instanceof BizException ? e.getMessage()
                : server != null ? server.getMessage() : CommonErrorCode.SERVICE_UNAVAILABLE.getMessage();
        ResponseEntity<BaseResponse> failure = HttpFailures.of(HttpStatus.SERVICE_UNAVAILABLE,
                CommonErrorCode.SERVICE_UNAVAILABLE, message);
        return ResponseEntity.status(failure.getStatusCode()).headers(failure.getHeaders())
                .header("Retry-After", Long.toString(retryAfter)).body(failure.getBody());
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
