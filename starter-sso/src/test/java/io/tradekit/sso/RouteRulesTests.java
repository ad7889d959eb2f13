package io.tradekit.sso;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static io.tradekit.sso.TwoApps.auth;
import static io.tradekit.sso.TwoApps.login;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Route rules over real HTTP: {@code /admin/**} needs permission {@code admin} (properties),
 * {@code /ops/**} role {@code ops} (properties), {@code /user/**} permission {@code user} (customizer);
 * alice has all, bob only {@code user}.
 */
class RouteRulesTests {

    private final TwoApps apps = TwoApps.get();

    @Test
    void anonymousRequestsGet401OnEveryProtectedPath() throws Exception {
        for (String path : List.of("/admin/x", "/ops/x", "/user/profile", "/me")) {
            RawHttp.Response response = apps.httpB.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.code()).isEqualTo("UNAUTHORIZED");
            assertThat(response.json().path("success").asBoolean(true)).isFalse();
            assertThat(response.header("content-type")).startsWith("application/json");
        }
    }

    @Test
    void aUserWithoutThePermissionOrRoleGets403() throws Exception {
        String bob = login(apps.httpA, "bob");
        for (String path : List.of("/admin/x", "/ops/x")) {
            RawHttp.Response response = apps.httpB.get(path, auth(bob));
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(apps.httpB.get("/user/profile", auth(bob)).body()).isEqualTo("profile-1002");
    }

    @Test
    void aUserWithThePermissionAndRoleIsAllowed() throws Exception {
        String alice = login(apps.httpA, "alice");
        assertThat(apps.httpB.get("/admin/x", auth(alice)).body()).isEqualTo("admin-x");
        assertThat(apps.httpB.get("/ops/x", auth(alice)).body()).isEqualTo("ops-x");
        assertThat(apps.httpB.get("/user/profile", auth(alice)).body()).isEqualTo("profile-1001");
    }

    @Test
    void publicPathsNeedNoLogin() throws Exception {
        RawHttp.Response response = apps.httpB.get("/public/hello");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
    }

    @Test
    void aPublicPathNeverLiftsARouteRule() throws Exception {
        assertThat(apps.httpB.get("/public/secret/x").status()).isEqualTo(401);
        assertThat(apps.httpB.get("/public/secret/x", auth(login(apps.httpA, "bob"))).status()).isEqualTo(403);
        assertThat(apps.httpB.get("/public/secret/x", auth(login(apps.httpA, "alice"))).body()).isEqualTo("secret");
    }

    @Test
    void aUserWithoutAnyPermissionIsRefusedEverywhereButLoginOnlyPaths() throws Exception {
        String carol = login(apps.httpA, "carol");
        assertThat(apps.httpB.get("/me", auth(carol)).status()).isEqualTo(200);
        assertThat(apps.httpB.get("/user/profile", auth(carol)).status()).isEqualTo(403);
        assertThat(apps.httpB.get("/admin/x", auth(carol)).status()).isEqualTo(403);
    }

    /**
     * Path tricks against {@code /admin/x}: none may answer 200 to bob (no admin) or to an anonymous
     * caller. The request line is sent as written; where the request reached the servlet filters, the
     * raw URI the server saw is the payload itself.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "/admin//x", "//admin/x", "/admin/x;.js", "/admin;/x", "/admin/x;jsessionid=1", "/admin/x/",
            "/./admin/x", "/admin/./x", "/public/../admin/x", "/%2e/admin/x", "/%2e%2e/admin/x",
            "/public/%2e%2e/admin/x", "/public/%252e%252e/admin/x", "/admin%2fx", "/admin%2Fx", "/%61dmin/x",
            "/admin/%78", "/ADMIN/x", "/Admin/X", "/admin/X", "/admin\\x", "/public/..%2fadmin/x",
            "/public/..;/admin/x", "/admin/x%00", "/admin/x%20", "/admin/x.json", "/admin/x?x=1#",
            "/admin/x%0a", "/admin/x%3b.js"})
    void bypassPayloadsNeverReachTheAdminEndpointWithoutPermission(String payload) throws Exception {
        String bob = login(apps.httpA, "bob");
        List<RawHttp.Response> answers = new ArrayList<>();
        for (RawHttp http : List.of(apps.httpA, apps.httpB)) {
            SsoTestApplication.LAST_RAW_URI.set(null);
            RawHttp.Response asBob = http.get(payload, auth(bob));
            String seen = SsoTestApplication.LAST_RAW_URI.get();
            if (seen != null) {
                // What reached the application is exactly what was sent (no client-side normalising).
                assertThat(seen).isEqualTo(payload.contains("?") ? payload.substring(0, payload.indexOf('?')) : payload);
            }
            answers.add(asBob);
            answers.add(http.get(payload));
        }
        for (RawHttp.Response answer : answers) {
            assertThat(answer.status()).as(payload + " -> " + answer).isNotEqualTo(200);
            assertThat(answer.body()).doesNotContain("admin-x");
        }
    }

    @Test
    void theFirewallAnswersJson400NotSaTokensPlain200() throws Exception {
        RawHttp.Response response = apps.httpB.get("/admin//x");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("PARAM_INVALID");
        assertThat(response.body()).doesNotContain("/admin//x");
    }
}
