package io.tradekit.idempotent.web;

import io.tradekit.core.error.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a failed {@code BaseResponse} as JSON without a JSON library (code and message are ours). */
final class JsonResponses {

    private JsonResponses() {
    }

    static void writeFailure(HttpServletResponse response, int status, ErrorCode code, String message) throws IOException {
        byte[] body = ("{\"success\":false,\"code\":\"" + escape(code.getCode()) + "\",\"message\":\""
                + escape(message) + "\"}").getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

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
