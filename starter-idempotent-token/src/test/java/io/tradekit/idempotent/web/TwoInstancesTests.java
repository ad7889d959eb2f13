package io.tradekit.idempotent.web;

import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Two application instances on one real Redis: a token is one token, whichever instance sees it. */
class TwoInstancesTests {

    private static final String ITEM_1 = "{\"itemId\":1,\"quantity\":1}";

    static RedisDevService redis;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        redis = RedisDevService.start(RedisSettings.DEFAULTS);
        first = instance();
        second = instance();
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        redis.close();
    }

    private static ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(TestTradeApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--tradekit.dev-services.redis.enabled=false",
                "--spring.data.redis.url=" + redis.uri(),
                "--tradekit.idempotent.url-patterns[0].pattern=/trade/order",
                "--tradekit.idempotent.url-patterns[0].scene=order");
    }

    private static HttpProbe http(ConfigurableApplicationContext context) {
        return new HttpProbe(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static TestTradeApplication.TradeController controller(ConfigurableApplicationContext context) {
        return context.getBean(TestTradeApplication.TradeController.class);
    }

    @Test
    void aTokenSpentOnOneInstanceIsRefusedOnTheOther() throws Exception {
        controller(first).reset();
        controller(second).reset();
        String token = http(second).issue("order", null);
        assertThat(http(first).postJson("/trade/order", token, null, ITEM_1).status()).isEqualTo(200);
        HttpProbe.Response replay = http(second).postJson("/trade/order", token, null, ITEM_1);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.code()).isEqualTo("DUPLICATE_REQUEST");
        assertThat(http(second).postJson("/trade/order", token, null, "{\"itemId\":2,\"quantity\":1}").status())
                .isEqualTo(422);
        assertThat(controller(first).orders.get() + controller(second).orders.get()).isEqualTo(1);
    }

    @Test
    void aTokenInFlightOnOneInstanceCannotBeUsedOnTheOther() throws Exception {
        TestTradeApplication.TradeController slow = controller(first);
        slow.reset();
        controller(second).reset();
        slow.release = new CountDownLatch(1);
        String token = http(first).issue("order", null);
        CompletableFuture<HttpProbe.Response> running = CompletableFuture.supplyAsync(() -> {
            try {
                return http(first).postJson("/trade/order", token, null, ITEM_1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            assertThat(slow.entered.await(20, TimeUnit.SECONDS)).isTrue();
            HttpProbe.Response elsewhere = http(second).postJson("/trade/order", token, null, ITEM_1);
            assertThat(elsewhere.status()).isEqualTo(409);
            assertThat(elsewhere.code()).isEqualTo("DUPLICATE_REQUEST");
        } finally {
            slow.release.countDown();
        }
        assertThat(running.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(controller(second).orders.get()).isZero();
        assertThat(slow.orders.get()).isEqualTo(1);
    }
}
