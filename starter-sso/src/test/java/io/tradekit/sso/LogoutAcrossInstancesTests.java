package io.tradekit.sso;

import io.lettuce.core.SetArgs;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.tradekit.sso.TwoApps.auth;
import static io.tradekit.sso.TwoApps.login;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login check reads Redis once per request and keeps the answer for that request only: whatever
 * ends a token on one instance (logout, kick-out, logout everywhere, idle freeze) is refused by the
 * other at its very next request, even when that instance served the token the request before.
 */
class LogoutAcrossInstancesTests {

    private final TwoApps apps = TwoApps.get();

    private void servedByB(String token, String userId) throws Exception {
        RawHttp.Response response = apps.httpB.get("/me", auth(token));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(userId);
    }

    private void refusedByB(String token, String message) throws Exception {
        RawHttp.Response response = apps.httpB.get("/me", auth(token));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
        assertThat(response.json().path("message").asText()).isEqualTo(message);
    }

    @Test
    void aLogoutOnAIsRefusedByBAtTheNextRequest() throws Exception {
        String token = login(apps.httpA, "bob");
        servedByB(token, "1002");
        assertThat(apps.httpA.post("/logout", auth(token)).status()).isEqualTo(200);
        refusedByB(token, "Authentication is required.");
        assertThat(apps.b.getBean(SsoLoginService.class).userIdOf(token)).isNull();
    }

    @Test
    void aLogoutOfTheTokenThroughTheServiceOnBIsRefusedByAAtTheNextRequest() throws Exception {
        String token = login(apps.httpB, "bob");
        assertThat(apps.httpA.get("/me", auth(token)).status()).isEqualTo(200);
        apps.b.getBean(SsoLoginService.class).logoutToken(token);
        assertThat(apps.httpA.get("/me", auth(token)).status()).isEqualTo(401);
    }

    @Test
    void aKickOutOnAIsRefusedByBAtTheNextRequest() throws Exception {
        String token = login(apps.httpA, "dave");
        servedByB(token, "1004");
        apps.a.getBean(SsoLoginService.class).kickout("1004");
        refusedByB(token, "The token was kicked out.");
    }

    @Test
    void aLogoutEverywhereOnAIsRefusedByBAtTheNextRequest() throws Exception {
        String token = login(apps.httpB, "carol");
        servedByB(token, "1003");
        apps.a.getBean(SsoLoginService.class).logoutEverywhere("1003");
        refusedByB(token, "Authentication is required.");
    }

    @Test
    void anIdleTokenIsRefusedAtTheNextRequestAndNotRenewedByIt() throws Exception {
        String token = login(apps.httpA, "bob");
        servedByB(token, "1002");
        String stamp = TwoApps.TOKEN + ":login:last-active:" + token;
        String idle = String.valueOf(System.currentTimeMillis() - Duration.ofMinutes(31).toMillis());
        apps.redis.set(stamp, idle, SetArgs.Builder.keepttl());
        refusedByB(token, "The token expired for inactivity.");
        // The refused request did not renew the stamp: the token stays refused.
        assertThat(apps.redis.get(stamp)).isEqualTo(idle);
        refusedByB(token, "The token expired for inactivity.");
    }

    @Test
    void aTokenWithoutAnActivityStampIsRefused() throws Exception {
        String token = login(apps.httpA, "bob");
        apps.redis.del(TwoApps.TOKEN + ":login:last-active:" + token);
        refusedByB(token, "The token expired for inactivity.");
    }

    @Test
    void aLogoutWithinARequestIsSeenByTheSameRequest() throws Exception {
        String token = login(apps.httpA, "alice");
        RawHttp.Response response = apps.httpB.post("/logout-and-who", auth(token));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1001->null");
        refusedByB(token, "Authentication is required.");
    }

    @Test
    void severalReadsOfOneRequestAgree() throws Exception {
        String token = login(apps.httpA, "alice");
        RawHttp.Response response = apps.httpB.get("/me-four-times", auth(token));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("1001".repeat(4));
    }
}
