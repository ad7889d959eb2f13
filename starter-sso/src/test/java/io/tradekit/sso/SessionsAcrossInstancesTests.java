package io.tradekit.sso;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static io.tradekit.sso.TwoApps.auth;
import static io.tradekit.sso.TwoApps.login;
import static io.tradekit.sso.TwoApps.tokenKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Tokens minted on one instance work on the other through the shared Redis, and die everywhere. */
class SessionsAcrossInstancesTests {

    private final TwoApps apps = TwoApps.get();

    @Test
    void tokenFromAIsAcceptedByBAndLogoutOnAIsSeenByB() throws Exception {
        String token = login(apps.httpA, "alice");
        assertThat(apps.redis.get(tokenKey(token))).isEqualTo("1001");

        RawHttp.Response onB = apps.httpB.get("/me", auth(token));
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.body()).isEqualTo("1001");

        assertThat(apps.httpA.post("/logout", auth(token)).status()).isEqualTo(200);
        assertThat(apps.redis.exists(tokenKey(token))).isZero();

        RawHttp.Response afterLogout = apps.httpB.get("/me", auth(token));
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.code()).isEqualTo("UNAUTHORIZED");
        assertThat(afterLogout.body()).doesNotContain(token);
    }

    @Test
    void everyLoginGetsANew256BitToken() throws Exception {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            String token = login(i % 2 == 0 ? apps.httpA : apps.httpB, "bob");
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(5);
        for (String token : tokens) {
            assertThat(apps.httpB.get("/me", auth(token)).body()).isEqualTo("1002");
        }
    }

    @Test
    void loginSetsAnHttpOnlySameSiteLaxCookieThatAuthenticates() throws Exception {
        RawHttp.Response response = apps.httpA.post("/login/bob");
        String token = response.data();
        String cookie = response.headers("set-cookie").stream()
                .filter(c -> c.startsWith(TwoApps.TOKEN + "=")).findFirst().orElseThrow();
        assertThat(cookie).startsWith(TwoApps.TOKEN + "=" + token + ";").contains("HttpOnly").contains("SameSite=Lax")
                .contains("Path=/").doesNotContain("Secure");
        assertThat(apps.httpB.get("/me", "Cookie: " + TwoApps.TOKEN + "=" + token).body()).isEqualTo("1002");
    }

    @Test
    void tokenInAUrlParameterIsIgnored() throws Exception {
        String token = login(apps.httpA, "bob");
        RawHttp.Response response = apps.httpB.get("/me?" + TwoApps.TOKEN + "=" + token);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void forgedAndMalformedTokensAreRejected() throws Exception {
        String[] forged = {
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "1001",
                "",
                "*",
                TwoApps.TOKEN + ":login:token:*",
                "' OR '1'='1",
                "redis.call('FLUSHALL')",
                "#{T(java.lang.Runtime).getRuntime().exec('id')}",
                "%0d%0aSet-Cookie:%20x=y",
                "x".repeat(6000)};
        for (String token : forged) {
            RawHttp.Response response = apps.httpB.get("/me", auth(token));
            assertThat(response.status()).as(token).isIn(400, 401);
            if (response.status() == 401) {
                assertThat(response.code()).isEqualTo("UNAUTHORIZED");
            }
        }
        assertThat(apps.redis.dbsize()).isPositive();
    }

    @Test
    void anExpiredTokenIsRejected() throws Exception {
        String token = login(apps.httpA, "bob");
        apps.redis.pexpire(tokenKey(token), 1);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (apps.redis.exists(tokenKey(token)) > 0 && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(apps.redis.exists(tokenKey(token))).isZero();
        assertThat(apps.httpB.get("/me", auth(token)).status()).isEqualTo(401);
    }

    @Test
    void tokensLiveNoLongerThanTheAbsoluteTimeout() throws Exception {
        String token = login(apps.httpA, "bob");
        long ttl = apps.redis.ttl(tokenKey(token));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofHours(12).toSeconds());
    }

    @Test
    void aTokenIdleLongerThanTheActiveTimeoutIsRejected() throws Exception {
        String token = login(apps.httpA, "bob");
        String lastActive = TwoApps.TOKEN + ":login:last-active:" + token;
        assertThat(apps.redis.exists(lastActive)).isEqualTo(1L);
        assertThat(apps.httpB.get("/me", auth(token)).status()).isEqualTo(200);
        // What Redis holds after 31 idle minutes (the default idle limit is 30).
        long idleSince = System.currentTimeMillis() - Duration.ofMinutes(31).toMillis();
        apps.redis.set(lastActive, String.valueOf(idleSince), io.lettuce.core.SetArgs.Builder.keepttl());
        RawHttp.Response response = apps.httpB.get("/me", auth(token));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("message").asText()).isEqualTo("The token expired for inactivity.");
    }

    @Test
    void aTokenInUseStaysActive() throws Exception {
        String token = login(apps.httpA, "bob");
        String lastActive = TwoApps.TOKEN + ":login:last-active:" + token;
        long idleSince = System.currentTimeMillis() - Duration.ofMinutes(29).toMillis();
        apps.redis.set(lastActive, String.valueOf(idleSince), io.lettuce.core.SetArgs.Builder.keepttl());
        assertThat(apps.httpB.get("/me", auth(token)).status()).isEqualTo(200);
        // The request renewed the activity stamp.
        assertThat(Long.parseLong(apps.redis.get(lastActive).split(",")[0])).isGreaterThan(idleSince);
    }

    @Test
    void kickedOutTokensAreRejectedEverywhereWithTheReason() throws Exception {
        String first = login(apps.httpA, "carol");
        String second = login(apps.httpB, "carol");
        apps.a.getBean(SsoLoginService.class).kickout("1003");
        for (String token : new String[] {first, second}) {
            for (RawHttp http : new RawHttp[] {apps.httpA, apps.httpB}) {
                RawHttp.Response response = http.get("/me", auth(token));
                assertThat(response.status()).isEqualTo(401);
                assertThat(response.json().path("message").asText()).isEqualTo("The token was kicked out.");
            }
        }
        String again = login(apps.httpA, "carol");
        assertThat(apps.httpB.get("/me", auth(again)).body()).isEqualTo("1003");
    }

    @Test
    void logoutEverywhereEndsEveryTokenOfTheUser() throws Exception {
        String first = login(apps.httpA, "dave");
        String second = login(apps.httpB, "dave");
        String other = login(apps.httpA, "bob");
        apps.b.getBean(SsoLoginService.class).logoutEverywhere("1004");
        assertThat(apps.httpA.get("/me", auth(first)).status()).isEqualTo(401);
        assertThat(apps.httpB.get("/me", auth(second)).status()).isEqualTo(401);
        assertThat(apps.httpA.get("/me", auth(other)).status()).isEqualTo(200);
    }

    @Test
    void permissionsAreAskedOncePerSessionUntilRefreshed() throws Exception {
        String token = login(apps.httpA, "bob");
        apps.a.getBean(SsoLoginService.class).refreshPermissions("1002");
        int before = SsoTestApplication.PROVIDER_CALLS.computeIfAbsent("1002", k -> new java.util.concurrent.atomic.AtomicInteger()).get();
        for (int i = 0; i < 4; i++) {
            assertThat((i % 2 == 0 ? apps.httpA : apps.httpB).get("/user/profile", auth(token)).status()).isEqualTo(200);
        }
        assertThat(SsoTestApplication.PROVIDER_CALLS.get("1002").get()).isEqualTo(before + 1);
        apps.b.getBean(SsoLoginService.class).refreshPermissions("1002");
        assertThat(apps.httpA.get("/user/profile", auth(token)).status()).isEqualTo(200);
        assertThat(SsoTestApplication.PROVIDER_CALLS.get("1002").get()).isEqualTo(before + 2);
    }
}
