package io.tradekit.sample.nft.shared.web;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.ErrorCode;
import io.tradekit.core.response.BaseResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The JSON {@link BaseResponse} for a failure, with the HTTP status that matches its code; shared by the
 * controller advice ({@link ApiExceptionHandler}) and the error page ({@link JsonErrorController}) so
 * that one failure reads the same whichever path reported it.
 */
final class HttpFailures {

    private HttpFailures() {
    }

    /**
     * The status of an error code: the {@code NOT_FOUND} family ({@code NOT_FOUND}, {@code ORDER_NOT_FOUND},
     * …) is 404, the common codes their own status, every other business refusal 422.
     */
    static HttpStatus statusOf(ErrorCode code) {
        if (code instanceof CommonErrorCode common) {
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
        String name = code.getCode();
        return name != null && name.endsWith("_NOT_FOUND") ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_ENTITY;
    }

    /** The answer for an HTTP status that Spring MVC or the container decided (no business code behind it). */
    static ResponseEntity<BaseResponse> forStatus(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        if (known == null || known.is5xxServerError() || !known.isError()) {
            return of(HttpStatus.INTERNAL_SERVER_ERROR, CommonErrorCode.SYSTEM_ERROR, CommonErrorCode.SYSTEM_ERROR.getMessage());
        }
        return switch (known) {
            case NOT_FOUND -> of(known, CommonErrorCode.NOT_FOUND, CommonErrorCode.NOT_FOUND.getMessage());
            case UNAUTHORIZED -> of(known, CommonErrorCode.UNAUTHORIZED, CommonErrorCode.UNAUTHORIZED.getMessage());
            case FORBIDDEN -> of(known, CommonErrorCode.FORBIDDEN, CommonErrorCode.FORBIDDEN.getMessage());
            case TOO_MANY_REQUESTS -> of(known, CommonErrorCode.TOO_MANY_REQUESTS, CommonErrorCode.TOO_MANY_REQUESTS.getMessage());
            case METHOD_NOT_ALLOWED -> of(known, CommonErrorCode.PARAM_INVALID, "The request method is not supported here.");
            case NOT_ACCEPTABLE -> of(known, CommonErrorCode.PARAM_INVALID, "Only application/json answers are available.");
            case UNSUPPORTED_MEDIA_TYPE -> of(known, CommonErrorCode.PARAM_INVALID, "The request body must be application/json.");
            case PAYLOAD_TOO_LARGE -> of(known, CommonErrorCode.PARAM_INVALID, "The request body is too large.");
            default -> of(known, CommonErrorCode.PARAM_INVALID, "The request is malformed.");
        };
    }

    /**
     * A failure answer, always {@code application/json}: a preset content type is written whatever the
     * request's {@code Accept} says, so a failed PDF download or a client asking for XML still gets JSON
     * instead of a second failure (406) while writing the first.
     */
    static ResponseEntity<BaseResponse> of(HttpStatus status, ErrorCode code, String message) {
        BaseResponse body = new BaseResponse();
        body.markFailure(code.getCode(), message);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
