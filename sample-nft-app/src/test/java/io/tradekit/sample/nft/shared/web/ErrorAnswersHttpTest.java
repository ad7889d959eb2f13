package io.tradekit.sample.nft.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every failure is a JSON {@code BaseResponse} with the right status, sent over a raw socket so that
 * nothing normalises the hostile targets; error dispatches no longer log stack traces; every answer
 * carries the security headers, logged-in answers {@code no-store}, and a login over HTTPS (behind a
 * trusted proxy) gets a {@code Secure} cookie.
 */
@SampleAppTest
@ExtendWith(OutputCaptureExtension.class)
class ErrorAnswersHttpTest {

    private static final String LOGIN = "{\"telephone\":\"%s\",\"password\":\"" + TradingClient.PASSWORD + "\"}";

    @LocalServerPort
    int port;

    private RawHttp http;
    private String phone;
    private String session;

    @BeforeEach
    void logIn() {
        http = new RawHttp(port);
        TradingClient client = new TradingClient(port);
        phone = TradingClient.uniquePhone();
        client.register(phone);
        session = client.login(phone);
    }

    @Test
    void unknownPathsAreJson404ForUsersAnd401ForAnonymousClients() throws IOException {
        assertFailure(http.send("GET", "/no/such/thing", null, auth()), 404, "NOT_FOUND");
        assertFailure(http.send("GET", "/no/such/thing", null, auth(), "Accept: text/html"), 404, "NOT_FOUND");
        assertFailure(http.send("GET", "/no/such/thing", null), 401, "UNAUTHORIZED");
        // A business entity that does not exist is 404 too (it was 422).
        assertFailure(http.send("GET", "/collections/987654321", null), 404, "COLLECTION_NOT_FOUND");
    }

    @Test
    void wrongMethodIs405WithAllow() throws IOException {
        RawHttp.Response delete = http.send("DELETE", "/user/login", null);
        assertFailure(delete, 405, "PARAM_INVALID");
        assertThat(delete.header("allow")).isEqualTo("POST");
        assertFailure(http.send("PATCH", "/user/me", "{}", auth(), "Content-Type: application/json"), 405,
                "PARAM_INVALID");
    }

    @Test
    void wrongContentTypeIs415AndUnacceptableAcceptIs406StillInJson() throws IOException {
        assertFailure(http.send("POST", "/user/login", LOGIN.formatted(phone), "Content-Type: text/plain"), 415,
                "PARAM_INVALID");
        assertFailure(http.send("POST", "/user/login", LOGIN.formatted(phone),
                "Content-Type: application/x-www-form-urlencoded"), 415, "PARAM_INVALID");
        assertFailure(http.send("GET", "/user/me", null, auth(), "Accept: application/xml"), 406, "PARAM_INVALID");
        assertFailure(http.send("GET", "/user/me", null, auth(), "Accept: text/html;q=1, image/png"), 406,
                "PARAM_INVALID");
    }

    @Test
    void malformedJsonIs400WithoutEchoingTheInput() throws IOException {
        for (String body : List.of("{\"telephone\":", "{\"telephone\":\"<script>\"", "not json", "[1,2", "\u0000")) {
            RawHttp.Response answer = http.send("POST", "/user/login", body, "Content-Type: application/json");
            assertFailure(answer, 400, "PARAM_INVALID");
            assertThat(answer.body()).doesNotContain("<script>").doesNotContain("JSON parse error");
        }
    }

    @Test
    void theErrorPageAskedForDirectlyIsNotFoundNeverStatus999() throws IOException {
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            RawHttp.Response answer = http.send(method, "/error", method.equals("GET") ? null : "{}",
                    "Content-Type: application/json", "Accept: text/html");
            assertFailure(answer, 404, "NOT_FOUND");
            assertThat(answer.body()).doesNotContain("999").doesNotContain("timestamp");
        }
        assertFailure(http.send("GET", "/error?status=500&message=%3Cscript%3E", null), 404, "NOT_FOUND");
        assertFailure(http.send("GET", "/error", null, auth()), 404, "NOT_FOUND");
    }

    @Test
    void hostilePathsAreRefusedAsJsonWhereverTheyAreCaught() throws IOException {
        // Caught by Sa-Token's firewall or Spring: JSON. None may reach a handler.
        for (String target : List.of("//error", "/error//", "/user//me", "/user/..;/user/me", "/user/me;jsessionid=1",
                "/error/..;/admin/users", "/./user/me", "/user/me/../me", "/%2e/user/me", "/user/me%20",
                "/user/%252e%252e/me", "/" + "x".repeat(4000))) {
            RawHttp.Response answer = http.send("GET", target, null, auth());
            assertThat(answer.status()).as(target).isBetween(400, 404);
            assertJson(answer, target);
        }
        // Refused by Tomcat before any filter: JSON too (JsonErrorReportValve), never Tomcat's HTML page.
        for (String target : List.of("/%2e%2e/user/me", "/user%2fme", "/user/me%00", "/user\\me", "/error%2f..")) {
            RawHttp.Response answer = http.send("GET", target, null, auth());
            assertFailure(answer, 400, "PARAM_INVALID");
            assertThat(answer.body()).doesNotContain("<html").doesNotContain("Tomcat");
        }
    }

    @Test
    void errorDispatchesLogNoStackTrace(CapturedOutput output) throws IOException {
        for (int i = 0; i < 3; i++) {
            http.send("GET", "/no/such/thing", null, auth());
            http.send("DELETE", "/user/login", null);
            http.send("GET", "/error", null);
        }
        assertThat(output.getAll()).doesNotContain("SaTokenContextException")
                .doesNotContain("Servlet.service() for servlet [dispatcherServlet]")
                .doesNotContain("Exception Processing ErrorPage");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndPersonalOnesAreNotStored() throws IOException {
        RawHttp.Response health = http.send("GET", "/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertSecurityHeaders(health);
        RawHttp.Response me = http.send("GET", "/user/me", null, auth());
        assertThat(me.status()).isEqualTo(200);
        assertSecurityHeaders(me);
        assertThat(me.header("cache-control")).isEqualTo("no-store");
        RawHttp.Response token = http.send("GET", "/idempotent/token?scene=buy", null, auth());
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.header("cache-control")).as("an anti-duplicate token is personal").isEqualTo("no-store");
        RawHttp.Response refused = http.send("GET", "/user/me", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("cache-control")).isEqualTo("no-store");
        assertSecurityHeaders(refused);
        RawHttp.Response login = http.send("POST", "/user/login", LOGIN.formatted(phone), "Content-Type: application/json");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("cache-control")).isEqualTo("no-store");
        assertSecurityHeaders(login);
    }

    @Test
    void theLoginCookieIsSecureWhenTheRequestCameOverHttps() throws IOException {
        String secure = tokenCookie(http.send("POST", "/user/login", LOGIN.formatted(phone),
                "Content-Type: application/json", "X-Forwarded-Proto: https"));
        assertThat(secure).contains("; Secure").contains("HttpOnly").contains("SameSite=Lax");
        for (String proto : List.of("http", "ftp", "https-ish")) {
            String plain = tokenCookie(http.send("POST", "/user/login", LOGIN.formatted(phone),
                    "Content-Type: application/json", "X-Forwarded-Proto: " + proto));
            assertThat(plain).as(proto).doesNotContain("Secure").contains("HttpOnly").contains("SameSite=Lax");
        }
        assertThat(tokenCookie(http.send("POST", "/user/login", LOGIN.formatted(phone),
                "Content-Type: application/json"))).doesNotContain("Secure");
    }

    private String auth() {
        return "tradekit-token: " + session;
    }

    private static String tokenCookie(RawHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.headers().getOrDefault("set-cookie", List.of()).stream()
                .filter(c -> c.startsWith("tradekit-token=")).findFirst()
                .orElseThrow(() -> new AssertionError("no token cookie: " + response.headers()));
    }

    private static void assertFailure(RawHttp.Response answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode json = assertJson(answer, code);
        assertThat(json.path("code").asText()).isEqualTo(code);
        assertThat(json.path("message").asText()).isNotBlank();
    }

    private static JsonNode assertJson(RawHttp.Response answer, String what) {
        assertThat(answer.header("content-type")).as(what).startsWith("application/json");
        JsonNode json = answer.json();
        assertThat(json.path("success").asBoolean(true)).as(what).isFalse();
        assertThat(answer.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("trace");
        assertSecurityHeaders(answer);
        return json;
    }

    private static void assertSecurityHeaders(RawHttp.Response answer) {
        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
        assertThat(answer.header("x-frame-options")).isEqualTo("DENY");
    }
}
