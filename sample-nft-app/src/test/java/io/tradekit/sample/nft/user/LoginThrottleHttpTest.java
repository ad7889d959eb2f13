package io.tradekit.sample.nft.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.sample.nft.shared.throttle.LoginThrottledException;
import io.tradekit.sample.nft.user.application.UserCommandService;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Every test uses fresh accounts; HTTP traffic comes from 127.0.0.1, the one trusted proxy of the sample
 * (server.tomcat.remoteip.internal-proxies), or from 127.0.0.2, an untrusted peer.
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
    void forwardedForHeadersFromAnUntrustedPeerAreNotBelieved() throws Exception {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        client.login(phone); // 127.0.0.1 is now known to this account
        // 127.0.0.2 is this machine too, but not a trusted proxy (server.tomcat.remoteip.internal-proxies):
        // its X-Forwarded-For must not choose the address the throttle counts.
        for (int i = 0; i < ACCOUNT_BUDGET; i++) {
            String body = "{\"telephone\":\"" + phone + "\",\"password\":\"wrong-pass-" + i + "\"}";
            assertThat(postFrom("127.0.0.2", "/user/login", body, "127.0.0.1")).startsWith("HTTP/1.1 422");
        }
        // Had the header been believed, those failures would sit on the owner's known address 127.0.0.1
        // and lock it; they were counted against the unknown peer 127.0.0.2, so the owner still logs in.
        assertThat(client.post("/user/login", null, Map.of("telephone", phone, "password", TradingClient.PASSWORD))
                .status()).isEqualTo(200);
        // And from 127.0.0.2 itself (an address it never logged in from) the account's budget is spent.
        String right = "{\"telephone\":\"" + phone + "\",\"password\":\"" + TradingClient.PASSWORD + "\"}";
        assertThat(postFrom("127.0.0.2", "/user/login", right, null)).startsWith("HTTP/1.1 429");
    }

    @Test
    void forwardedForHeadersFromTheTrustedProxyAreBelieved() throws Exception {
        TradingClient client = new TradingClient(port);
        String phone = TradingClient.uniquePhone();
        client.register(phone);
        client.login(phone); // 127.0.0.1 is now known to this account
        // 127.0.0.1 is the trusted proxy: the client address is the forwarded one, unknown to the account.
        for (int i = 0; i < ACCOUNT_BUDGET; i++) {
            String body = "{\"telephone\":\"" + phone + "\",\"password\":\"wrong-pass-" + i + "\"}";
            assertThat(post("/user/login", body, "203.0.113." + i).statusCode()).isEqualTo(422);
        }
        // Those failures went to the unknown-address budget; the owner's known address still passes.
        assertThat(client.post("/user/login", null, Map.of("telephone", phone, "password", TradingClient.PASSWORD))
                .status()).isEqualTo(200);
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

    /** A POST over a raw socket whose local end is {@code localAddress}, so the server sees that peer. */
    private String postFrom(String localAddress, String path, String json, String forwardedFor) throws Exception {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                    + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
