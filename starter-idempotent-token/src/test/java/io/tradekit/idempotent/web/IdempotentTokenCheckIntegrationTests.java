package io.tradekit.idempotent.web;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.idempotent.IdempotentTokenService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The token check and the endpoint over real HTTP against a real Redis from dev services. */
@TradeAppTest
class IdempotentTokenCheckIntegrationTests {

    private static final String PREFIX = "tradekit:idempotent:";

    @LocalServerPort
    int port;

    @Value("${tradekit.dev-services.redis.url}")
    String redisUrl;

    @Autowired
    TestTradeApplication.TradeController controller;

    @Autowired
    IdempotentTokenService tokens;

    @Autowired
    MockMvc mvc;

    HttpProbe http;
    RedisClient redisClient;
    StatefulRedisConnection<String, String> redis;

    @BeforeEach
    void setUp() {
        http = new HttpProbe(port);
        controller.reset();
        redisClient = RedisClient.create(redisUrl);
        redis = redisClient.connect();
    }

    @AfterEach
    void tearDown() {
        redis.close();
        redisClient.shutdown();
    }

    @Test
    void twoHundredConcurrentRequestsWithOneTokenReachTheControllerOnce() throws Exception {
        String token = http.issue("orderList", null);
        assertThat(redis.sync().exists(PREFIX + token + ":orderList")).isEqualTo(1L);
        int requests = 200;
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpProbe.Response>> results = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return http.post("/trade/buy", token);
                }));
            }
            start.countDown();
            int ok = 0;
            int conflicts = 0;
            for (Future<HttpProbe.Response> result : results) {
                HttpProbe.Response response = result.get(60, TimeUnit.SECONDS);
                if (response.status() == 200) {
                    ok++;
                    assertThat(response.body()).isEqualTo("bought");
                } else {
                    assertThat(response.status()).isEqualTo(409);
                    assertThat(response.code()).isEqualTo("DUPLICATE_REQUEST");
                    conflicts++;
                }
            }
            assertThat(ok).isEqualTo(1);
            assertThat(conflicts).isEqualTo(requests - 1);
            assertThat(controller.buys.get()).isEqualTo(1);
            // Spent for good: the key keeps the first request's fingerprint until the token expires.
            assertThat(redis.sync().get(PREFIX + token + ":orderList")).startsWith("s:");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSpentTokenIsRejectedWithConflictTheSecondTime() throws Exception {
        String token = http.issue("orderList", null);
        assertThat(http.post("/trade/buy", token).status()).isEqualTo(200);
        HttpProbe.Response again = http.post("/trade/buy", token);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DUPLICATE_REQUEST");
        assertThat(again.json().get("success").asBoolean()).isFalse();
        assertThat(controller.buys.get()).isEqualTo(1);
    }

    @Test
    void aMissingOrEmptyHeaderIsABadRequest() throws Exception {
        HttpProbe.Response missing = http.post("/trade/buy", null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("PARAM_INVALID");
        HttpProbe.Response empty = http.post("/trade/buy", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("PARAM_INVALID");
        assertThat(controller.buys.get()).isZero();
    }

    @Test
    void garbageHeaderValuesAreBadRequestsAndTouchNoKey() throws Exception {
        long keysBefore = redis.sync().dbsize();
        List<String> garbage = List.of(
                "x".repeat(4_000),
                "123e4567-e89b-12d3-a456-426614174000".repeat(50),
                "not-a-uuid",
                "123e4567-e89b-12d3-a456-4266141740000",
                "123e4567e89b12d3a4564266141740000000",
                "\"]] redis.call('FLUSHALL') --",
                "#{T(java.lang.Runtime).getRuntime().exec('id')}",
                "${jndi:ldap://x/a}",
                "*",
                PREFIX + "*");
        for (String value : garbage) {
            HttpProbe.Response response = http.post("/trade/buy", value);
            assertThat(response.status()).as(value).isEqualTo(400);
            assertThat(response.code()).as(value).isEqualTo("PARAM_INVALID");
            assertThat(response.body()).doesNotContain("FLUSHALL").doesNotContain("Runtime");
        }
        // Beyond the container's header limit (8 KiB) Tomcat refuses the request itself.
        assertThat(http.post("/trade/buy", "x".repeat(20_000)).status()).isEqualTo(400);
        assertThat(controller.buys.get()).isZero();
        assertThat(redis.sync().dbsize()).isEqualTo(keysBefore);
    }

    @Test
    void headerValuesWithLineBreaksOrTwoTokensAreBadRequests() throws Exception {
        String token = tokens.issue("orderList");
        mvc.perform(post("/trade/buy").header("Idempotency-Key", token + "\r\nX-Evil: 1"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("PARAM_INVALID"));
        mvc.perform(post("/trade/buy").header("Idempotency-Key", token + "\n"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("PARAM_INVALID"));
        mvc.perform(post("/trade/buy").header("Idempotency-Key", token, token))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("PARAM_INVALID"));
        assertThat(controller.buys.get()).isZero();
        // The valid token itself is still unspent: none of the garbage reached Redis as a key.
        assertThat(redis.sync().exists(PREFIX + token + ":orderList")).isEqualTo(1L);
    }

    @Test
    void aForgedButWellFormedTokenIsAConflict() throws Exception {
        HttpProbe.Response response = http.post("/trade/buy", "123e4567-e89b-12d3-a456-426614174000");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("DUPLICATE_REQUEST");
        assertThat(controller.buys.get()).isZero();
    }

    @Test
    void aTokenOfAnotherSceneIsAConflictAndStaysUnspent() throws Exception {
        String payToken = http.issue("pay", null);
        HttpProbe.Response response = http.post("/trade/buy", payToken);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("DUPLICATE_REQUEST");
        assertThat(controller.buys.get()).isZero();
        assertThat(http.post("/trade/pay", payToken).status()).isEqualTo(200);
        assertThat(controller.pays.get()).isEqualTo(1);
    }

    @Test
    void anotherUsersTokenIsAConflictAndStaysForItsOwner() throws Exception {
        String alicesToken = http.issue("orderList", "alice");
        HttpProbe.Response stolen = http.post("/trade/buy", alicesToken, "mallory");
        assertThat(stolen.status()).isEqualTo(409);
        assertThat(stolen.code()).isEqualTo("DUPLICATE_REQUEST");
        HttpProbe.Response anonymous = http.post("/trade/buy", alicesToken, null);
        assertThat(anonymous.status()).isEqualTo(409);
        assertThat(controller.buys.get()).isZero();
        assertThat(http.post("/trade/buy", alicesToken, "alice").status()).isEqualTo(200);
        assertThat(controller.buys.get()).isEqualTo(1);
    }

    @Test
    void aUrlOutsideThePatternsIsUntouched() throws Exception {
        HttpProbe.Response response = http.post("/other", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("other");
        assertThat(http.get("/trade/list", null).status()).isEqualTo(200);
        assertThat(controller.others.get()).isEqualTo(2);
    }

    @Test
    void encodedOrDecoratedPathsToTheGuardedUrlDoNotBypassTheFilter() throws Exception {
        for (String path : List.of("/trade/%62uy", "/trade/buy;x=1", "//trade/buy", "/trade/./buy", "/x/../trade/buy")) {
            int status = rawPost(path);
            assertThat(status).as(path).isNotEqualTo(200);
        }
        assertThat(controller.buys.get()).isZero();
    }

    @Test
    void theEndpointRejectsMissingUnknownRepeatedAndHostileScenes() throws Exception {
        List<String> queries = List.of("", "?scene=", "?scene=unknown", "?scene=orderList&scene=pay",
                "?scene=" + "a".repeat(5000), "?scene=orderList%0D%0AX-Evil:%201",
                "?scene=%22%5D%5D%20redis.call('FLUSHALL')%20--", "?scene=%23%7BT(java.lang.Runtime)%7D");
        long keysBefore = redis.sync().dbsize();
        for (String query : queries) {
            HttpProbe.Response response = http.get("/idempotent/token" + query, null);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.code()).as(query).isEqualTo("PARAM_INVALID");
        }
        assertThat(redis.sync().dbsize()).isEqualTo(keysBefore);
    }

    @Test
    void theEndpointIssuesAFreshUuidWithTheConfiguredTtl() throws Exception {
        HttpProbe.Response response = http.get("/idempotent/token?scene=orderList", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        String token = response.json().get("data").asText();
        assertThat(token).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(http.issue("orderList", null)).isNotEqualTo(token);
        long ttlMillis = redis.sync().pttl(PREFIX + token + ":orderList");
        assertThat(ttlMillis).isBetween(29L * 60_000, 30L * 60_000);
    }

    /** A raw request line, so that no client normalises the path before the server sees it. */
    private int rawPost(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
