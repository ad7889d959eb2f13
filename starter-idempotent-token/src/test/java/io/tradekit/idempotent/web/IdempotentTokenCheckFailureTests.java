package io.tradekit.idempotent.web;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.devservices.fault.RedisOnSamePort;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import io.tradekit.devservices.support.FreePorts;
import io.tradekit.idempotent.IdempotentTokenService;
import io.tradekit.idempotent.health.IdempotentTokenHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the token check and the endpoint answer when Redis is gone or the token has expired. */
class IdempotentTokenCheckFailureTests {

    private static ConfigurableApplicationContext start(String redisUrl, String ttl, String... extra) {
        return new SpringApplicationBuilder(TestTradeApplication.class).properties(extra).run(
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
    void whileRedisIsDownTheBreakerRefusesWithRetryAfterAndTheTokensWorkAgainWhenItIsBack() throws Exception {
        int redisPort = FreePorts.next();
        RedisDevService redis = RedisDevService.start(new RedisSettings(redisPort, null, Duration.ofSeconds(10)));
        try (RedisOnSamePort.Binary binary = RedisOnSamePort.keep(redis.executable());
             ConfigurableApplicationContext context = start(redis.uri(), "30m",
                     "tradekit.degrade.servers.redis.open-duration=1s")) {
            HttpProbe http = new HttpProbe(port(context));
            TestTradeApplication.TradeController controller = context.getBean(TestTradeApplication.TradeController.class);
            ServerBreaker breaker = context.getBean(ServerBreakers.class).breaker("redis");
            http.issue("orderList", null);
            redis.close();

            int requests = 60;
            for (int i = 0; i < requests; i++) {
                HttpProbe.Response response = i % 2 == 0
                        ? http.post("/trade/buy", "123e4567-e89b-12d3-a456-426614174000")
                        : http.get("/idempotent/token?scene=orderList", null);
                assertThat(response.status()).as("answer %d: %s", i, response.body()).isEqualTo(503);
                assertThat(response.code()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            }
            // Most of them were refused without touching Redis; the controller never ran.
            assertThat(breaker.refusedCalls()).isGreaterThan(requests / 2);
            assertThat(breaker.isOpen()).isTrue();
            assertThat(controller.buys.get()).isZero();
            // Health is DOWN from the breaker's state, without waiting for a probe's timeout.
            Health down = context.getBean(IdempotentTokenHealthIndicator.class).health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsKey("breaker");

            try (RedisOnSamePort back = RedisOnSamePort.start(binary.path(), redisPort, Duration.ofSeconds(10))) {
                String token = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (token == null) {
                    HttpProbe.Response issued = http.get("/idempotent/token?scene=orderList", null);
                    if (issued.status() == 200) {
                        token = issued.json().get("data").asText();
                    } else if (System.nanoTime() > deadline) {
                        throw new AssertionError("no token issued after Redis came back, within the bound of this"
                                + " wait (30 s): " + issued.body());
                    } else {
                        Thread.sleep(100);
                    }
                }
                assertThat(http.post("/trade/buy", token).status()).isEqualTo(200);
                assertThat(controller.buys.get()).isEqualTo(1);
                assertThat(breaker.state()).isEqualTo("CLOSED");
                assertThat(context.getBean(IdempotentTokenHealthIndicator.class).health().getStatus())
                        .isEqualTo(Status.UP);
            }
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
