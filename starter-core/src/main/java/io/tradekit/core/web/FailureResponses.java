package io.tradekit.core.web;

import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes a failed {@code BaseResponse} — {@code {"success":false,"code":"…","message":"…"}} — with an
 * HTTP status, from a filter or an interceptor, without a JSON library: the code and the message are
 * the starter's own texts, escaped here so that a quote, a backslash or a line break in a message can
 * neither break the JSON nor start a new line in a log that records the body.
 */
public final class FailureResponses {

    private FailureResponses() {
    }

    /**
     * Replaces whatever was buffered with the failure and commits the response; it is not cached.
     *
     * @param response the response, not yet committed
     * @param status   the HTTP status
     * @param code     the error code, not {@code null}
     * @param message  the message for the client, not {@code null}; never a token or an exception text
     * @throws IOException if the client went away
     */
    public static void write(HttpServletResponse response, int status, ErrorCode code, String message)
            throws IOException {
        byte[] body = json(code, message).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    /**
     * Answers a call that needs a server which is down: 503 {@code SERVICE_UNAVAILABLE} with
     * {@code Retry-After} (seconds), so a client backs off instead of retrying at once.
     *
     * @param response    the response, not yet committed
     * @param unavailable the refusal or the server's failure
     * @throws IOException if the client went away
     */
    public static void writeUnavailable(HttpServletResponse response, ServerUnavailableException unavailable)
            throws IOException {
        // Before write, which commits the response (its resetBuffer keeps headers).
        response.setHeader("Retry-After", Long.toString(unavailable.getRetryAfterSeconds()));
        write(response, 503, unavailable.getErrorCode(), unavailable.getMessage());
    }

    /**
     * The body {@link #write} sends.
     *
     * @param code    the error code, not {@code null}
     * @param message the message, not {@code null}
     * @return compact JSON on one line
     */
    public static String json(ErrorCode code, String message) {
        Objects.requireNonNull(code, "code must not be null");
        Objects.requireNonNull(message, "message must not be null");
        return "{\"success\":false,\"code\":\"" + escape(code.getCode()) + "\",\"message\":\"" + escape(message)
                + "\"}";
    }

    // JSON string escaping; U+2028/U+2029 too, since they end a line in JavaScript and some log viewers.
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
