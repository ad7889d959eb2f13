package io.tradekit.idempotent.web;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.idempotent.IdempotentTokenService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the token check and the endpoint answer when Redis is gone or the token has expired. */
class IdempotentTokenCheckFailureTests {

    private static ConfigurableApplicationContext start(String redisUrl, String ttl) {
        return new SpringApplicationBuilder(TestTradeApplication.class).run(
                "--server.port=0",
                "--tradekit.dev-services.redis.enabled=false",
                "--spring.data.redis.url=" + redisUrl,
                "--tradekit.idempotent.ttl=" + ttl,
                "--tradekit.idempotent.redis.command-timeout=500ms",
                "--tradekit.idempotent.redis.connect-timeout=500ms",
                "--tradekit.idempotent.redis.retry-delay=100ms",
                "--tradekit.idempotent.url-patterns[0].pattern=/trade/buy",
                "--tradekit.idempotent.url-patterns[0].scene=orderList");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void redisGoingDownFailsClosedWith503AndTheControllerIsNotReached() throws Exception {
        RedisDevService redis = RedisDevService.start(RedisSettings.DEFAULTS);
        try (ConfigurableApplicationContext context = start(redis.uri(), "30m")) {
            HttpProbe http = new HttpProbe(port(context));
            TestTradeApplication.TradeController controller = context.getBean(TestTradeApplication.TradeController.class);
            String token = http.issue("orderList", null);
            redis.close();

            HttpProbe.Response response = http.post("/trade/buy", token);
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(response.json().get("success").asBoolean()).isFalse();
            HttpProbe.Response issue = http.get("/idempotent/token?scene=orderList", null);
            assertThat(issue.status()).isEqualTo(503);
            assertThat(issue.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(controller.buys.get()).isZero();
        } finally {
            redis.close();
        }
    }

    @Test
    void redisNeverReachableStillStartsTheApplicationAndAnswers503() throws Exception {
        // Nothing listens on a free port: the connection is opened lazily, so the start-up succeeds.
        try (ConfigurableApplicationContext context = start("redis://127.0.0.1:" + FreePorts.next(), "30m")) {
            HttpProbe http = new HttpProbe(port(context));
            TestTradeApplication.TradeController controller = context.getBean(TestTradeApplication.TradeController.class);
            for (int i = 0; i < 3; i++) {
                HttpProbe.Response response = http.post("/trade/buy", "123e4567-e89b-12d3-a456-426614174000");
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.code()).isEqualTo("SERVICE_UNAVAILABLE");
            }
            assertThat(controller.buys.get()).isZero();
        }
    }

    @Test
    void anExpiredTokenIsAConflict() throws Exception {
        RedisDevService redis = RedisDevService.start(RedisSettings.DEFAULTS);
        try (ConfigurableApplicationContext context = start(redis.uri(), "300ms")) {
            HttpProbe http = new HttpProbe(port(context));
            TestTradeApplication.TradeController controller = context.getBean(TestTradeApplication.TradeController.class);
            IdempotentTokenService tokens = context.getBean(IdempotentTokenService.class);
            assertThat(tokens.getTtl()).isEqualTo(Duration.ofMillis(300));
            String token = http.issue("orderList", null);
            String fresh = http.issue("orderList", null);
            assertThat(http.post("/trade/buy", fresh).status()).isEqualTo(200);

            RedisClient probe = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> connection = probe.connect()) {
                String key = "tradekit:idempotent:" + token + ":orderList";
                // Redis expires the key by itself; wait until it has, then spend the token once.
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                        .until(() -> connection.sync().exists(key) == 0L);
            } finally {
                probe.shutdown();
            }
            HttpProbe.Response response = http.post("/trade/buy", token);
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.code()).isEqualTo("DUPLICATE_REQUEST");
            assertThat(controller.buys.get()).isEqualTo(1);
        } finally {
            redis.close();
        }
    }
}
