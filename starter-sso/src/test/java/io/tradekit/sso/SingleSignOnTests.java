package io.tradekit.sso;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.tradekit.sso.TwoApps.auth;
import static io.tradekit.sso.TwoApps.login;
import static org.assertj.core.api.Assertions.assertThat;

/** Same-Redis SSO: B (client) sends users to A (auth centre), which hands B a single-use ticket. */
class SingleSignOnTests {

    private final TwoApps apps = TwoApps.get();

    private String clientLogin() {
        return "http://127.0.0.1:" + apps.httpB.port() + "/sso/login";
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Walks the flow as a browser would, and returns the ticket A issued. */
    private String ticketFor(String user) throws Exception {
        RawHttp.Response toAuth = apps.httpB.get("/sso/login");
        assertThat(toAuth.status()).isEqualTo(302);
        URI authUri = URI.create(toAuth.header("location"));
        assertThat(authUri.getPort()).isEqualTo(apps.httpA.port());
        assertThat(authUri.getPath()).isEqualTo("/sso/auth");

        String aToken = login(apps.httpA, user);
        RawHttp.Response back = apps.httpA.get(authUri.getRawPath() + "?" + authUri.getRawQuery(), auth(aToken));
        assertThat(back.status()).isEqualTo(302);
        String location = back.header("location");
        assertThat(location).startsWith(clientLogin() + "?ticket=");
        return location.substring(location.indexOf("ticket=") + "ticket=".length());
    }

    @Test
    void aClientLoginGoesThroughTheAuthCentreAndTheTicketWorksOnce() throws Exception {
        String ticket = ticketFor("alice");
        assertThat(ticket).matches("[A-Za-z0-9_-]{43}");
        long ttl = apps.redis.ttl(TwoApps.TOKEN + ":ticket:" + ticket);
        assertThat(ttl).isPositive().isLessThanOrEqualTo(30);

        RawHttp.Response first = apps.httpB.get("/sso/login?ticket=" + ticket);
        assertThat(first.status()).isEqualTo(200);
        String bToken = first.data();
        assertThat(bToken).matches("[A-Za-z0-9_-]{43}");
        assertThat(first.headers("set-cookie")).anyMatch(c -> c.startsWith(TwoApps.TOKEN + "=" + bToken));
        assertThat(apps.httpB.get("/admin/x", auth(bToken)).body()).isEqualTo("admin-x");

        RawHttp.Response second = apps.httpB.get("/sso/login?ticket=" + ticket);
        assertThat(second.status()).isEqualTo(401);
        assertThat(second.code()).isEqualTo("UNAUTHORIZED");
        assertThat(apps.redis.exists(TwoApps.TOKEN + ":ticket:" + ticket)).isZero();
    }

    @Test
    void ofManyConcurrentRedemptionsOfOneTicketExactlyOneWins() throws Exception {
        String ticket = ticketFor("bob");
        int racers = 24;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<RawHttp.Response>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return apps.httpB.get("/sso/login?ticket=" + ticket);
                }));
            }
            start.countDown();
            int wins = 0;
            for (Future<RawHttp.Response> result : results) {
                RawHttp.Response response = result.get(60, TimeUnit.SECONDS);
                if (response.status() == 200) {
                    wins++;
                } else {
                    assertThat(response.status()).isEqualTo(401);
                }
            }
            assertThat(wins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAnonymousUserAtTheAuthCentreGetsNoTicket() throws Exception {
        RawHttp.Response response = apps.httpA.get("/sso/auth?redirect=" + enc(clientLogin()));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("UNAUTHORIZED");
        assertThat(response.header("location")).isNull();
    }

    @Test
    void redirectsOffTheAllowListGetNoTicket() throws Exception {
        String aToken = login(apps.httpA, "alice");
        int portB = apps.httpB.port();
        List<String> hostile = List.of(
                "http://evil.example/sso/login",
                "//evil.example/sso/login",
                "http://127.0.0.1:" + portB + "@evil.example/sso/login",
                "http://evil.example@127.0.0.1:" + portB + "/sso/login",
                "http://127.0.0.1:" + portB + "/sso/login@evil.example",
                "http://127.0.0.1:" + portB + "/sso/login/../../evil",
                "http://127.0.0.1:" + portB + "/sso/login/",
                "http://127.0.0.1:" + portB + "/sso/login/x",
                "http://127.0.0.1:" + portB + "/sso/LOGIN",
                "http://127.0.0.1:" + portB + "/sso/%6cogin",
                "http://127.0.0.1:" + portB + "/sso/login#@evil.example",
                "http://127.0.0.1:" + portB + "/sso/login?ticket=planted",
                "http://127.0.0.1:" + (portB + 1) + "/sso/login",
                "https://127.0.0.1:" + portB + "/sso/login",
                "http:\\\\evil.example\\sso\\login",
                "/\\evil.example/sso/login",
                "javascript:alert(1)//127.0.0.1:" + portB + "/sso/login",
                "http://127.0.0.1:" + portB + ".evil.example/sso/login",
                "http://127.0.0.1:" + portB + "/sso/login\r\nSet-Cookie: x=y",
                "*",
                "",
                "x".repeat(5000));
        long ticketsBefore = countTickets();
        for (String redirect : hostile) {
            RawHttp.Response response = apps.httpA.get("/sso/auth?redirect=" + enc(redirect), auth(aToken));
            assertThat(response.status()).as(redirect).isEqualTo(400);
            assertThat(response.code()).isEqualTo("PARAM_INVALID");
            assertThat(response.header("location")).isNull();
            assertThat(response.body()).doesNotContain("ticket=");
        }
        RawHttp.Response missing = apps.httpA.get("/sso/auth", auth(aToken));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(countTickets()).isEqualTo(ticketsBefore);
    }

    @Test
    void forgedAndMalformedTicketsAreRefusedWithoutALogin() throws Exception {
        for (String ticket : List.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "x", "*", "%2A",
                enc(TwoApps.TOKEN + ":login:token:*"), "x".repeat(4000))) {
            RawHttp.Response response = apps.httpB.get("/sso/login?ticket=" + ticket);
            assertThat(response.status()).as(ticket).isEqualTo(401);
            assertThat(response.headers("set-cookie")).noneMatch(c -> c.startsWith(TwoApps.TOKEN + "="));
        }
    }

    @Test
    void signingOutAtTheAuthCentreLogsTheUserOutOfTheClient() throws Exception {
        String ticket = ticketFor("dave");
        String bToken = apps.httpB.get("/sso/login?ticket=" + ticket).data();
        assertThat(apps.httpB.get("/me", auth(bToken)).body()).isEqualTo("1004");

        String aToken = login(apps.httpA, "dave");
        RawHttp.Response signout = apps.httpA.post("/sso/signout", auth(aToken));
        assertThat(signout.status()).isEqualTo(200);

        assertThat(apps.httpB.get("/me", auth(bToken)).status()).isEqualTo(401);
        assertThat(apps.httpA.get("/me", auth(aToken)).status()).isEqualTo(401);
        assertThat(apps.httpA.post("/sso/signout").status()).isEqualTo(401);
    }

    private long countTickets() {
        return apps.redis.keys(TwoApps.TOKEN + ":ticket:*").size();
    }
}
