package io.tradekit.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.error.CommonErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The body is built by hand, so every hostile message must still come back as the same text. */
class FailureResponsesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesAFailedBaseResponse() throws Exception {
        JsonNode body = json.readTree(FailureResponses.json(CommonErrorCode.FORBIDDEN, "No."));

        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.get("code").asText()).isEqualTo(CommonErrorCode.FORBIDDEN.getCode());
        assertThat(body.get("message").asText()).isEqualTo("No.");
        assertThat(body.size()).isEqualTo(3);
    }

    @Test
    void answersAnUnavailableServerWith503AndRetryAfter() throws Exception {
        org.springframework.mock.web.MockHttpServletResponse response = new org.springframework.mock.web.MockHttpServletResponse();
        response.getWriter().write("<html>partial</html>");

        FailureResponses.writeUnavailable(response, new io.tradekit.core.degrade.ServerUnavailableException("redis",
                java.time.Duration.ofMillis(4_200), true, null));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/json");
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(body.get("message").asText()).isEqualTo("The redis server is unavailable, retry later.");
        assertThat(response.isCommitted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "quote \" inside", "back\\slash", "line\r\nbreak", "tab\there", "nul\u0000",
        "sep\u2028and\u2029", "\"},\"success\":true,\"x\":{\"", "中文消息", "emoji \uD83D\uDE00", "\\u0022"})
    void anyMessageSurvivesTheRoundTripOnOneLine(String message) throws Exception {
        String body = FailureResponses.json(CommonErrorCode.PARAM_INVALID, message);

        assertThat(body).doesNotContain("\r", "\n", "\u2028", "\u2029");
        JsonNode parsed = json.readTree(body);
        assertThat(parsed.get("message").asText()).isEqualTo(message);
        assertThat(parsed.get("success").asBoolean()).isFalse();
        assertThat(parsed.size()).isEqualTo(3);
    }

    @Test
    void nullsAreRefusedWithTheirName() {
        assertThatNullPointerException().isThrownBy(() -> FailureResponses.json(null, "m")).withMessageContaining("code");
        assertThatNullPointerException().isThrownBy(() -> FailureResponses.json(CommonErrorCode.FORBIDDEN, null))
                .withMessageContaining("message");
    }
}
