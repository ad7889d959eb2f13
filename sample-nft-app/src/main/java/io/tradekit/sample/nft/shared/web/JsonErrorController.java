package io.tradekit.sample.nft.shared.web;

import io.tradekit.core.response.BaseResponse;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page: whatever failed outside a controller (an unknown path, a wrong method, a filter, the
 * container) is answered as a JSON {@link BaseResponse} with the failure's status, never Spring Boot's
 * {@code {"timestamp",...,"status"}} map or Tomcat's HTML page, and never an exception text or stack trace.
 * Replaces Boot's {@code BasicErrorController} (it backs off for any {@link ErrorController}).
 *
 * <p>Asked for directly ({@code GET /error}, no failure behind it) it is a path like any unknown one:
 * {@code 404 NOT_FOUND} (Boot's answered {@code status: 999}).
 */
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<BaseResponse> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(status instanceof Integer code)) {
            return HttpFailures.forStatus(HttpStatus.NOT_FOUND.value());
        }
        return HttpFailures.forStatus(code);
    }
}
