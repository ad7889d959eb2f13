package io.tradekit.sso;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.tradekit.sso.TwoApps.auth;
import static io.tradekit.sso.TwoApps.login;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The route interceptor leaves error dispatches alone (they used to throw Sa-Token's "context not
 * initialised" on every 404/405, twice logged with a stack trace), logged-in answers are not cacheable,
 * and the token cookie is {@code Secure} whenever the login request was.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorDispatchAndHeadersTests {

    private final TwoApps apps = TwoApps.get();

    @Test
    void notFoundAndWrongMethodAreAnsweredWithoutAnExceptionInTheLog(CapturedOutput output) throws Exception {
        String token = login(apps.httpA, "alice");
        RawHttp.Response unknown = apps.httpA.get("/no/such/path", auth(token));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("content-type")).startsWith("application/json");

        RawHttp.Response wrongMethod = apps.httpA.send("DELETE", "/public/hello");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("content-type")).startsWith("application/json");

        // The error page path itself, asked for directly by an anonymous client, is still guarded by the
        // rules of a normal request: it is public, and not a way around a route rule.
        assertThat(apps.httpA.get("/error").status()).isNotEqualTo(401);
        assertThat(apps.httpA.get("/admin/x").status()).isEqualTo(401);

        for (String hostile : new String[] {"/admin//x", "/public/..;/admin/x", "/admin%2fx", "/%2e%2e/admin/x",
                "/" + "a".repeat(6000)}) {
            int status = apps.httpA.get(hostile, auth(token)).status();
            assertThat(status).as(hostile).isBetween(400, 499).isNotEqualTo(200);
        }
        assertThat(output.getOut() + output.getErr()).doesNotContain("SaTokenContextException")
                .doesNotContain("Servlet.service() for servlet [dispatcherServlet]");
    }

    @Test
    void loggedInAnswersAndTheLoginItselfAreNotCacheable() throws Exception {
        RawHttp.Response loginAnswer = apps.httpA.post("/login/alice");
        assertThat(loginAnswer.header("cache-control")).isEqualTo("no-store");
        String token = loginAnswer.data();

        assertThat(apps.httpB.get("/me", auth(token)).header("cache-control")).isEqualTo("no-store");
        assertThat(apps.httpB.get("/admin/x", auth(token)).header("cache-control")).isEqualTo("no-store");
        // A public page for everyone stays cacheable as the application decides.
        assertThat(apps.httpB.get("/public/hello").header("cache-control")).isNull();
    }

    @Test
    void theCookieIsSecureWhenTheLoginCameOverHttpsThroughATrustedProxy() throws Exception {
        String secure = tokenCookie(apps.httpA.post("/login/bob", "X-Forwarded-Proto: https"));
        assertThat(secure).contains("; Secure").contains("HttpOnly").contains("SameSite=Lax");

        for (String notHttps : new String[] {"http", "javascript:", "", "httpsx"}) {
            String plain = tokenCookie(apps.httpA.post("/login/bob", "X-Forwarded-Proto: " + notHttps));
            assertThat(plain).as(notHttps).doesNotContain("Secure").contains("HttpOnly").contains("SameSite=Lax");
        }
        // The configured default is untouched: the next plain login gets no Secure flag.
        assertThat(tokenCookie(apps.httpA.post("/login/bob"))).doesNotContain("Secure");
    }

    private static String tokenCookie(RawHttp.Response response) {
        return response.headers("set-cookie").stream().filter(c -> c.startsWith(TwoApps.TOKEN + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no token cookie in " + response));
    }
}
