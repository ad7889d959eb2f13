package io.tradekit.sso;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tradekit.sso.TwoApps.auth;
import static io.tradekit.sso.TwoApps.login;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a request costs in Redis, as a regression guard, counted by the server: round trips (client
 * commands, from {@code MONITOR}) and commands executed ({@code INFO commandstats}, which also counts
 * the commands a Lua script runs).
 */
class RedisCostTests {

    private static RedisRoundTrips roundTrips;
    private final TwoApps apps = TwoApps.get();

    @BeforeAll
    static void monitor() throws Exception {
        TwoApps apps = TwoApps.get();
        roundTrips = new RedisRoundTrips(apps.a.getEnvironment().getRequiredProperty("tradekit.dev-services.redis.url"));
    }

    @AfterAll
    static void stopMonitor() throws Exception {
        roundTrips.close();
    }

    private long commands() {
        long total = 0;
        for (String line : apps.redis.info("commandstats").split("\r?\n")) {
            int calls = line.indexOf("calls=");
            if (calls >= 0) {
                total += Long.parseLong(line.substring(calls + 6, line.indexOf(',', calls)));
            }
        }
        return total;
    }

    /** Client commands naming an SSO key during one request (after a warm-up request). */
    private List<String> roundTrips(RawHttp http, String path, String... headers) throws Exception {
        assertThat(http.get(path, headers).status()).isEqualTo(200); // warm: permission cache filled, connections open
        return roundTrips.during(TwoApps.TOKEN + ":", () -> assertThat(http.get(path, headers).status()).isEqualTo(200));
    }

    private long commandsExecuted(RawHttp http, String path, String... headers) throws Exception {
        http.get(path, headers);
        long before = commands();
        RawHttp.Response response = http.get(path, headers);
        long after = commands();
        assertThat(response.status()).isEqualTo(200);
        return after - before - 1; // the INFO of "before" is counted by "after"
    }

    @Test
    void aLoggedInRequestCostsOneRoundTrip() throws Exception {
        String alice = login(apps.httpA, "alice");
        List<String> publicPath = roundTrips(apps.httpB, "/public/hello");
        // The interceptor's checkLogin and the controller's currentUserId: one read, kept for the request.
        List<String> loginOnly = roundTrips(apps.httpB, "/me", auth(alice));
        List<String> askedFourTimes = roundTrips(apps.httpB, "/me-four-times", auth(alice));
        List<String> permission = roundTrips(apps.httpB, "/admin/x", auth(alice));
        List<String> role = roundTrips(apps.httpB, "/ops/x", auth(alice));
        System.out.printf("REDIS-ROUND-TRIPS public=%d login-only=%d asked-four-times=%d permission=%d role=%d%n",
                publicPath.size(), loginOnly.size(), askedFourTimes.size(), permission.size(), role.size());
        assertThat(publicPath).isEmpty();
        assertThat(loginOnly).hasSize(1);
        assertThat(loginOnly.get(0)).contains("\"EVALSHA\"");
        assertThat(askedFourTimes).hasSize(1);
        // The script's read, then the session holding the cached permissions (one GET).
        assertThat(permission).hasSize(2);
        assertThat(role).hasSize(2);
    }

    @Test
    void aTokenCheckOutsideAWebRequestCostsOneRoundTrip() throws Exception {
        String alice = login(apps.httpA, "alice");
        SsoLoginService logins = apps.a.getBean(SsoLoginService.class);
        // As a Dubbo facade given a token asks: user and activity stamp in one script, no renewal.
        List<String> seen = roundTrips.during(TwoApps.TOKEN + ":", () -> assertThat(logins.userIdOf(alice)).isEqualTo("1001"));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).contains("\"EVALSHA\"");
        List<String> unknown = roundTrips.during(TwoApps.TOKEN + ":",
                () -> assertThat(logins.userIdOf("A".repeat(43))).isNull());
        assertThat(unknown).hasSize(1);
    }

    @Test
    void commandsExecutedPerRequest() throws Exception {
        String alice = login(apps.httpA, "alice");
        long publicPath = commandsExecuted(apps.httpB, "/public/hello");
        long loginOnly = commandsExecuted(apps.httpB, "/me", auth(alice));
        long permission = commandsExecuted(apps.httpB, "/admin/x", auth(alice));
        System.out.printf("REDIS-COMMANDS public=%d login-only=%d permission=%d%n", publicPath, loginOnly, permission);
        // EVALSHA + its GET token, GET stamp, PTTL + SET (renewal); a permission rule one GET more.
        assertThat(publicPath).isZero();
        assertThat(loginOnly).isBetween(1L, 5L);
        assertThat(permission).isBetween(loginOnly, 6L);
    }
}
