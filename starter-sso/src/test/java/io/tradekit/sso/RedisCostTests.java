package io.tradekit.sso;

import org.junit.jupiter.api.Test;

import static io.tradekit.sso.TwoApps.auth;
import static io.tradekit.sso.TwoApps.login;
import static org.assertj.core.api.Assertions.assertThat;

/** Redis commands per request, counted by the server (INFO commandstats), as a regression guard. */
class RedisCostTests {

    private final TwoApps apps = TwoApps.get();

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

    private long cost(RawHttp http, String path, String... headers) throws Exception {
        http.get(path, headers); // warm: permission cache filled, connections open
        long before = commands();
        RawHttp.Response response = http.get(path, headers);
        long after = commands();
        assertThat(response.status()).isEqualTo(200);
        return after - before - 1; // the INFO of "before" is counted by "after"
    }

    @Test
    void commandsPerRequest() throws Exception {
        String alice = login(apps.httpA, "alice");
        long publicPath = cost(apps.httpB, "/public/hello");
        long loginOnly = cost(apps.httpB, "/me", auth(alice));
        long permission = cost(apps.httpB, "/admin/x", auth(alice));
        long permissionAndRole = cost(apps.httpB, "/ops/x", auth(alice));
        System.out.printf("REDIS-COST public=%d login-only=%d permission=%d role=%d%n",
                publicPath, loginOnly, permission, permissionAndRole);
        // Measured with Sa-Token 1.44: login check 3 GET + PTTL + SET (activity stamp); a permission or
        // role check 2 more GETs (the session holding the cached answer). A rise means a regression.
        assertThat(publicPath).isZero();
        assertThat(loginOnly).isBetween(1L, 5L);
        assertThat(permission).isBetween(loginOnly, 7L);
        assertThat(permissionAndRole).isBetween(loginOnly, 7L);
    }
}
