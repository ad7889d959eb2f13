package io.tradekit.sample.nft.shared.web;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.BaseResponse;
import io.tradekit.sample.nft.shared.web.json.JsonReadProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Malformed or invalid requests (bean validation, unreadable JSON, wrong parameter types) are the
 * client's fault: 400 {@code PARAM_INVALID} naming the bad fields, not the catch-all 500 of
 * {@link ApiExceptionHandler}. Ordered first so it wins over that catch-all.
 */
@RestControllerAdvice(basePackages = "io.tradekit.sample.nft")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestValidationExceptionHandler {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<BaseResponse> invalidBody(MethodArgumentNotValidException e) {
        StringBuilder fields = new StringBuilder();
        e.getBindingResult().getFieldErrors().forEach(f -> fields.append(fields.isEmpty() ? "" : ", ")
                .append(f.getField()).append(' ').append(f.getDefaultMessage()));
        return badRequest(fields.isEmpty() ? CommonErrorCode.PARAM_INVALID.getMessage() : fields.toString());
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<BaseResponse> invalidParameters(HandlerMethodValidationException e) {
        return badRequest(CommonErrorCode.PARAM_INVALID.getMessage());
    }

    // A wrong Content-Type is not malformed: ApiExceptionHandler answers it 415.
    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<BaseResponse> malformed(Exception e) {
        // The parser's message may echo the input: only the field and the expected type go back.
        return badRequest(e instanceof HttpMessageNotReadableException unreadable
                ? JsonReadProblem.describe(unreadable.getCause()) : JsonReadProblem.MALFORMED);
    }

    private static ResponseEntity<BaseResponse> badRequest(String message) {
        return HttpFailures.of(HttpStatus.BAD_REQUEST, CommonErrorCode.PARAM_INVALID, message);
    }
}
