package io.tradekit.idempotent.web;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens bound to their request (IETF Idempotency-Key draft, Stripe): fingerprint, 422 on another
 * payload, tokens given back when the request was refused before any change; over real HTTP on a
 * real Redis.
 */
@TradeAppTest
class RequestBoundTokenTests {

    private static final String PREFIX = "tradekit:idempotent:";
    private static final String ITEM_1 = "{\"itemId\":1,\"quantity\":1}";
    private static final String ITEM_2 = "{\"itemId\":2,\"quantity\":1}";

    @LocalServerPort
    int port;

    @Value("${tradekit.dev-services.redis.url}")
    String redisUrl;

    @Autowired
    TestTradeApplication.TradeController controller;

    HttpProbe http;
    RedisClient redisClient;
    StatefulRedisConnection<String, String> connection;

    @BeforeEach
    void setUp() {
        http = new HttpProbe(port);
        controller.reset();
        redisClient = RedisClient.create(redisUrl);
        connection = redisClient.connect();
    }

    @AfterEach
    void tearDown() {
        controller.release.countDown();
        connection.close();
        redisClient.shutdown();
    }

    private RedisCommands<String, String> redis() {
        return connection.sync();
    }

    private String stored(String token, String scene) {
        return redis().get(PREFIX + token + ":" + scene);
    }

    @Test
    void anotherPayloadWhileTheFirstRunsIs422AndTheFirstRequestStillGoesThrough() throws Exception {
        String token = http.issue("order", null);
        controller.release = new CountDownLatch(1);
        CompletableFuture<HttpProbe.Response> first = CompletableFuture.supplyAsync(() -> post(token, ITEM_1));
        assertThat(controller.entered.await(20, TimeUnit.SECONDS)).isTrue();
        String inFlight = stored(token, "order");
        assertThat(inFlight).startsWith("f:");

        HttpProbe.Response other = http.postJson("/trade/order", token, null, ITEM_2);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(other.json().get("success").asBoolean()).isFalse();
        HttpProbe.Response same = http.postJson("/trade/order", token, null, ITEM_1);
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.code()).isEqualTo("DUPLICATE_REQUEST");
        assertThat(stored(token, "order")).as("refusals leave the claim alone").isEqualTo(inFlight);

        controller.release.countDown();
        HttpProbe.Response done = first.get(30, TimeUnit.SECONDS);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).isEqualTo("ordered 1 x1");
        assertThat(controller.orders.get()).isEqualTo(1);
    }

    @Test
    void aSpentTokenAnswers409ToItsRequestAnd422ToAnotherAndNeitherChangesIt() throws Exception {
        String token = http.issue("order", null);
        assertThat(post(token, ITEM_1).status()).isEqualTo(200);
        String spent = stored(token, "order");
        assertThat(spent).startsWith("s:");
        assertThat(redis().pttl(PREFIX + token + ":order")).as("the issue-time expiry is kept").isPositive();

        HttpProbe.Response other = post(token, ITEM_2);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        // Same request, other JSON whitespace: other bytes, so another request.
        assertThat(post(token, "{\"itemId\":1, \"quantity\":1}").status()).isEqualTo(422);
        HttpProbe.Response again = post(token, ITEM_1);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DUPLICATE_REQUEST");
        assertThat(stored(token, "order")).isEqualTo(spent);
        assertThat(controller.orders.get()).isEqualTo(1);
    }

    @Test
    void aValidationFailureGivesTheTokenBackForTheCorrectedRequest() throws Exception {
        String token = http.issue("order", "alice");
        HttpProbe.Response invalid = http.postJson("/trade/order", token, "alice", "{\"itemId\":null,\"quantity\":0}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(stored(token, "order")).as("given back as issued, bound to its owner").isEqualTo("o:alice");
        HttpProbe.Response unreadable = http.postJson("/trade/order", token, "alice", "{not json");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(stored(token, "order")).isEqualTo("o:alice");
        assertThat(controller.orders.get()).isZero();

        HttpProbe.Response corrected = http.postJson("/trade/order", token, "alice", ITEM_1);
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(controller.orders.get()).isEqualTo(1);
        assertThat(http.postJson("/trade/order", token, "alice", ITEM_1).status()).isEqualTo(409);
    }

    @Test
    void aRefusalWithADeclaredUnspentStatusGivesTheTokenBackAndAFailureAfterAChangeDoesNot() throws Exception {
        String token = http.issue("order", null);
        assertThat(post(token, "{\"itemId\":404,\"quantity\":1}").status()).isEqualTo(404);
        assertThat(post(token, "{\"itemId\":422,\"quantity\":1}").status()).isEqualTo(422);
        assertThat(stored(token, "order")).isEqualTo("*");
        assertThat(post(token, ITEM_1).status()).isEqualTo(200);

        String failing = http.issue("order", null);
        assertThat(post(failing, "{\"itemId\":500,\"quantity\":1}").status()).isEqualTo(500);
        assertThat(stored(failing, "order")).as("a 500 may have changed something: spent").startsWith("s:");
        HttpProbe.Response retry = post(failing, "{\"itemId\":500,\"quantity\":1}");
        assertThat(retry.status()).isEqualTo(409);
        assertThat(controller.orders.get()).isEqualTo(2);
    }

    @Test
    void anAsynchronousHandlerSpendsTheTokenWhenItsAnswerIsDone() throws Exception {
        String token = http.issue("orderList", null);
        HttpProbe.Response done = http.post("/trade/async", token);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).isEqualTo("bought later");
        // The answer is held back until the token is spent: no window where it is still taken.
        assertThat(stored(token, "orderList")).startsWith("s:");
        assertThat(http.post("/trade/async", token).status()).isEqualTo(409);
        assertThat(controller.buys.get()).isEqualTo(1);
    }

    @Test
    void aRefusalByAnInterceptorAfterTheCheckGivesTheTokenBack() throws Exception {
        String token = http.issue("order", null);
        HttpProbe.Response throttled = http.send("POST", "/trade/order", bytes(ITEM_1), "Idempotency-Key", token,
                "Content-Type", "application/json", TestTradeApplication.THROTTLE_HEADER, "1");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(stored(token, "order")).isEqualTo("*");
        assertThat(controller.orders.get()).isZero();
        assertThat(post(token, ITEM_1).status()).isEqualTo(200);
    }

    @Test
    void anAnonymousRequestGetsTheLoginChecks401AndItsTokenIsNotTouched() throws Exception {
        String token = http.issue("orderList", "alice");
        for (String key : new String[] {token, null, "not-a-token", "123e4567-e89b-12d3-a456-426614174000"}) {
            HttpProbe.Response anonymous = http.post("/member/buy", key, null);
            assertThat(anonymous.status()).as(String.valueOf(key)).isEqualTo(401);
            assertThat(anonymous.code()).isEqualTo("UNAUTHORIZED");
        }
        assertThat(stored(token, "orderList")).isEqualTo("o:alice");
        assertThat(http.post("/member/buy", token, "alice").status()).isEqualTo(200);
        // Spent now: the anonymous caller still gets 401, never 409.
        assertThat(http.post("/member/buy", token, null).status()).isEqualTo(401);
        assertThat(http.post("/member/buy", token, "alice").status()).isEqualTo(409);
        assertThat(controller.buys.get()).isEqualTo(1);
    }

    @Test
    void aCorsPreflightPassesUntouched() throws Exception {
        String token = http.issue("orderList", null);
        HttpProbe.Response preflight = http.send("OPTIONS", "/trade/buy", new byte[0],
                "Origin", "http://127.0.0.1:3000", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "idempotency-key,content-type", "Idempotency-Key", token);
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://127.0.0.1:3000");
        assertThat(stored(token, "orderList")).isEqualTo("*");
        assertThat(controller.buys.get()).isZero();
        assertThat(http.post("/trade/buy", token).status()).isEqualTo(200);
    }

    @Test
    void aBodyAboveTheCapIs413AndLeavesTheToken() throws Exception {
        String token = http.issue("orderList", null);
        byte[] atCap = new byte[16 * 1024];
        byte[] aboveCap = new byte[16 * 1024 + 1];
        HttpProbe.Response tooLarge = http.send("POST", "/trade/buy", aboveCap, "Idempotency-Key", token,
                "Content-Type", "application/octet-stream");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("IDEMPOTENT_BODY_TOO_LARGE");
        HttpProbe.Response huge = http.send("POST", "/trade/buy", new byte[4 * 1024 * 1024], "Idempotency-Key", token,
                "Content-Type", "application/octet-stream");
        assertThat(huge.status()).isEqualTo(413);
        HttpProbe.Response chunked = http.postChunked("/trade/buy", token, 1024 * 1024);
        assertThat(chunked.status()).as("no Content-Length: read up to the cap, then refused").isEqualTo(413);
        assertThat(stored(token, "orderList")).isEqualTo("*");
        assertThat(http.send("POST", "/trade/buy", atCap, "Idempotency-Key", token,
                "Content-Type", "application/octet-stream").status()).isEqualTo(200);
        assertThat(controller.buys.get()).isEqualTo(1);
    }

    @Test
    void binaryBodiesAreFingerprintedByTheirBytes() throws Exception {
        String token = http.issue("orderList", null);
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        assertThat(http.send("POST", "/trade/buy", binary, "Idempotency-Key", token,
                "Content-Type", "application/octet-stream").status()).isEqualTo(200);
        assertThat(http.send("POST", "/trade/buy", binary, "Idempotency-Key", token,
                "Content-Type", "application/octet-stream").status()).isEqualTo(409);
        binary[4095] ^= 1;
        assertThat(http.send("POST", "/trade/buy", binary, "Idempotency-Key", token,
                "Content-Type", "application/octet-stream").status()).isEqualTo(422);
        assertThat(controller.buys.get()).isEqualTo(1);
    }

    @Test
    void formsAreFingerprintedByTheirSortedParametersAndMultipartIsRefused() throws Exception {
        String token = http.issue("orderList", null);
        String form = "application/x-www-form-urlencoded";
        assertThat(http.send("POST", "/trade/buy", bytes("a=1&b=2"), "Idempotency-Key", token, "Content-Type", form)
                .status()).isEqualTo(200);
        assertThat(http.send("POST", "/trade/buy", bytes("b=2&a=1"), "Idempotency-Key", token, "Content-Type", form)
                .status()).as("same parameters, other order").isEqualTo(409);
        assertThat(http.send("POST", "/trade/buy", bytes("a=1&b=3"), "Idempotency-Key", token, "Content-Type", form)
                .status()).isEqualTo(422);

        String other = http.issue("orderList", null);
        HttpProbe.Response multipart = http.send("POST", "/trade/buy",
                bytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n"),
                "Idempotency-Key", other, "Content-Type", "multipart/form-data; boundary=x");
        assertThat(multipart.status()).isEqualTo(415);
        assertThat(multipart.code()).isEqualTo("IDEMPOTENT_BODY_UNSUPPORTED");
        assertThat(stored(other, "orderList")).isEqualTo("*");
        assertThat(controller.buys.get()).isEqualTo(1);
    }

    private HttpProbe.Response post(String token, String json) {
        try {
            return http.postJson("/trade/order", token, null, json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
