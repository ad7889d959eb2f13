package io.tradekit.sso;

import io.tradekit.devservices.support.FreePorts;
import io.tradekit.sso.session.LettuceTokenCheckScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static io.tradekit.sso.TwoApps.auth;
import static io.tradekit.sso.TwoApps.login;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tradekit.sso.session.check-client=lettuce}: instance D runs the login check on a Lettuce
 * connection of the starter's own, against the same Redis as A: still one round trip, and a logout
 * on A is refused by D at the next request.
 */
class LettuceTokenCheckTests {

    private static ConfigurableApplicationContext d;
    private static RawHttp httpD;
    private static RedisRoundTrips roundTrips;
    private final TwoApps apps = TwoApps.get();

    @BeforeAll
    static void startD() throws Exception {
        TwoApps.get();
        int port = FreePorts.next();
        d = TwoApps.start("sso-d", port, TwoApps.LETTUCE_ONLY, "tradekit.sso.session.check-client=lettuce");
        httpD = new RawHttp(port);
        roundTrips = new RedisRoundTrips(d.getEnvironment().getRequiredProperty("tradekit.dev-services.redis.url"));
    }

    @AfterAll
    static void stopD() throws Exception {
        roundTrips.close();
        d.close();
        TwoApps.get(); // A's Sa-Token objects back in the JVM-wide statics
    }

    @Test
    void theCheckRunsOnTheStartersLettuceConnectionInOneRoundTrip() throws Exception {
        TwoApps.publishSaTokenStatics(d);
        assertThat(d.getBeansOfType(LettuceTokenCheckScript.class)).hasSize(1);
        String token = login(apps.httpA, "alice");
        assertThat(httpD.get("/me", auth(token)).body()).isEqualTo("1001");
        List<String> seen = roundTrips.during(TwoApps.TOKEN + ":",
                () -> assertThat(httpD.get("/me-four-times", auth(token)).status()).isEqualTo(200));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).contains("\"EVALSHA\"");
    }

    @Test
    void aLogoutOnAIsRefusedByDAtTheNextRequest() throws Exception {
        TwoApps.publishSaTokenStatics(d);
        String token = login(apps.httpA, "bob");
        assertThat(httpD.get("/me", auth(token)).status()).isEqualTo(200);
        assertThat(apps.httpA.post("/logout", auth(token)).status()).isEqualTo(200);
        RawHttp.Response response = httpD.get("/me", auth(token));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
    }
}
