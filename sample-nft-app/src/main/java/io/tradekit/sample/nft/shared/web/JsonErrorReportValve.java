package io.tradekit.sample.nft.shared.web;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.web.FailureResponses;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report for what it refuses before any filter or servlet runs (an encoded {@code /} or
 * {@code \} in the path, {@code %00}, a {@code /..} above the root): the JSON {@code BaseResponse} the
 * application answers everywhere else, with the security headers, instead of Tomcat's HTML page. Errors
 * the application handles itself reach {@link JsonErrorController} and never get here.
 */
final class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // As Tomcat's own report: only an error, only once, never over a body already written.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        CommonErrorCode code = status >= 500 ? CommonErrorCode.SYSTEM_ERROR
                : status == 404 ? CommonErrorCode.NOT_FOUND : CommonErrorCode.PARAM_INVALID;
        String message = status >= 500 ? code.getMessage() : status == 404 ? code.getMessage() : "The request is malformed.";
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(FailureResponses.json(code, message));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the response was committed meanwhile: nothing more to send.
        }
    }
}
