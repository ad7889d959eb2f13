package io.tradekit.sample.nft.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.sample.nft.shared.throttle.LoginThrottledException;
import io.tradekit.sample.nft.user.application.UserCommandService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Login throttling as clients meet it (429 JSON with Retry-After on both logins) and the storm that
 * used to slow a real login to 9–17 s: 200 wrong passwords from 64 addresses now cost at most the
 * account's failure budget in password hashes, and the owner's login goes through in the middle of it.
 * Every test uses fresh accounts; HTTP traffic comes from 127.0.0.1 (forward headers are not trusted).
 */
@SampleAppTest
class LoginThrottleHttpTest {

    private static final int ACCOUNT_BUDGET = 10;

    @LocalServerPort
    int port;

    @Autowired
    UserCommandService users;

    @Test
    void buyerLoginIsRefusedWith429AndRetryAfterOnceTheBudgetIsSpent() throws Exception {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        for (int i = 0; i < ACCOUNT_BUDGET; i++) {
            assertThat(client.post("/user/login", null, Map.of("telephone", phone, "password", "wrong-" + i)).code())
                    .isEqualTo("BAD_CREDENTIALS");
        }
        HttpResponse<String> refused = post("/user/login", "{\"telephone\":\"" + phone + "\",\"password\":\"x-x-x-x\"}", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("900");
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(refused.body()).contains("\"code\":\"TOO_MANY_REQUESTS\"").doesNotContain(phone);
        // Even the right password waits from an address this account never logged in from (the policy).
        assertThat(client.post("/user/login", null, Map.of("telephone", phone, "password", TradingClient.PASSWORD))
                .status()).isEqualTo(429);
    }

    @Test
    void forwardedForHeadersAreNotTrustedUnlessConfigured() throws Exception {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        client.login(phone); // 127.0.0.1 is now known to this account
        for (int i = 0; i < ACCOUNT_BUDGET; i++) {
            String body = "{\"telephone\":\"" + phone + "\",\"password\":\"wrong-pass-" + i + "\"}";
            assertThat(post("/user/login", body, "203.0.113." + i).statusCode()).isEqualTo(422);
        }
        // Had the header been believed, those failures would sit in the unknown-address budget and the
        // owner's known address would still pass; they were counted against 127.0.0.1 instead.
        assertThat(client.post("/user/login", null, Map.of("telephone", phone, "password", TradingClient.PASSWORD))
                .status()).isEqualTo(429);
    }

    @Test
    void staffLoginIsThrottledTheSameWay() throws Exception {
        String name = "nobody." + System.nanoTime();
        for (int i = 0; i < ACCOUNT_BUDGET; i++) {
            HttpResponse<String> wrong = post("/onboarding/staff/login",
                    "{\"loginName\":\"" + name + "\",\"password\":\"wrong-" + i + "\"}", null);
            assertThat(wrong.statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = post("/onboarding/staff/login",
                "{\"loginName\":\"" + name.toUpperCase(java.util.Locale.ROOT) + "\",\"password\":\"wrong\"}", null);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("900");
        assertThat(refused.body()).contains("\"code\":\"TOO_MANY_REQUESTS\"");
        // Other staff are not affected.
        assertThat(post("/onboarding/staff/login", "{\"loginName\":\"officer.b1\",\"password\":\"Demo-Pass-2026\"}",
                null).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedLoginsAreRefusedBeforeTheThrottleAndCostNothing() throws Exception {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        String fullWidth = phone.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
                .reduce("", String::concat);
        for (String body : new String[] {"{}", "{\"telephone\":null,\"password\":\"x\"}", "",
            "{\"telephone\":\"" + fullWidth + "\",\"password\":\"wrong-pass\"}",
            "{\"telephone\":\"" + phone + "\u200b\",\"password\":\"wrong-pass\"}",
            "{\"telephone\":\" " + phone + "\",\"password\":\"wrong-pass\"}",
            "{\"telephone\":[\"" + phone + "\"],\"password\":\"wrong-pass\"}",
            "{\"telephone\":\"" + phone + "\",\"password\":[\"wrong-pass\"]}"}) {
            assertThat(post("/user/login", body, null).statusCode()).as(body).isEqualTo(400);
        }
        for (String password : new String[] {"", "p".repeat(65), "p".repeat(100_000)}) {
            HttpResponse<String> answer = post("/user/login",
                    "{\"telephone\":\"" + phone + "\",\"password\":\"" + password + "\"}", null);
            assertThat(answer.statusCode()).as("length " + password.length()).isIn(413, 422);
        }
        for (String body : new String[] {"{}", "{\"loginName\":\"\",\"password\":\"x\"}",
            "{\"loginName\":\"" + "a".repeat(65) + "\",\"password\":\"x\"}",
            "{\"loginName\":\"nobody\",\"password\":[\"x\"]}", "{\"loginName\":{},\"password\":\"x\"}"}) {
            assertThat(post("/onboarding/staff/login", body, null).statusCode()).as(body).isEqualTo(400);
        }
        // None of those reached a password check: the full budget of wrong passwords is still there.
        for (int i = 0; i < ACCOUNT_BUDGET; i++) {
            assertThat(client.post("/user/login", null, Map.of("telephone", phone, "password", "wrong-" + i)).code())
                    .isEqualTo("BAD_CREDENTIALS");
        }
        assertThat(client.post("/user/login", null, Map.of("telephone", phone, "password", "wrong")).status())
                .isEqualTo(429);
    }

    @Test
    void theOwnerLogsInDuringAStormOf200WrongPasswordsFrom64Addresses() throws Exception {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        String owner = "192.0.2.77";
        users.login(phone, TradingClient.PASSWORD, owner);

        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            // First wave: 100 guesses from 64 addresses at once spend the account's failure budget.
            Storm first = storm(pool, phone, 0, 100, null);
            assertThat(first.hashed()).as("password hashes the first wave could buy").isEqualTo(ACCOUNT_BUDGET);
            assertThat(first.refused()).isEqualTo(100 - ACCOUNT_BUDGET);
            // Second wave, released together with the owner's login: none of it reaches a hash, the owner does.
            CountDownLatch go = new CountDownLatch(1);
            Future<String> ownerLogin = pool.submit(() -> {
                go.await();
                long started = System.nanoTime();
                String session = users.login(phone, TradingClient.PASSWORD, owner);
                System.out.printf("owner login during the storm: %d ms (informative, not asserted)%n",
                        (System.nanoTime() - started) / 1_000_000);
                return session;
            });
            Storm second = storm(pool, phone, 100, 100, go);
            assertThat(ownerLogin.get()).isNotBlank();
            assertThat(second.hashed()).as("hashes bought by the second wave").isZero();
            assertThat(second.refused()).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Storm(int hashed, int refused) {
    }

    // `count` wrong passwords from 64 addresses, released together (with `go` when given); waits for all.
    private Storm storm(ExecutorService pool, String phone, int from, int count, CountDownLatch go) throws Exception {
        CountDownLatch start = go == null ? new CountDownLatch(1) : go;
        AtomicInteger hashed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> attempts = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String address = "198.51.100." + (i % 64);
            String password = "guess-" + i;
            attempts.add(pool.submit(() -> {
                start.await();
                try {
                    users.login(phone, password, address);
                    throw new AssertionError("a guess succeeded");
                } catch (LoginThrottledException e) {
                    refused.incrementAndGet();
                } catch (BizException e) {
                    assertThat(e.getErrorCode().getCode()).isEqualTo("BAD_CREDENTIALS");
                    hashed.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> attempt : attempts) {
            attempt.get();
        }
        return new Storm(hashed.get(), refused.get());
    }

    private HttpResponse<String> post(String path, String json, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
