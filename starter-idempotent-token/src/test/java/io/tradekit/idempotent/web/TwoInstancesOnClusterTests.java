package io.tradekit.idempotent.web;

import io.lettuce.core.cluster.RedisClusterClient;
import io.tradekit.devservices.redis.RedisClusterDevService;
import io.tradekit.idempotent.store.LettuceTokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances whose {@code spring.data.redis.cluster.nodes} point at a three-master Redis
 * Cluster: the starter's own Lettuce client is a cluster client, each token is one key (its scripts
 * touch no other), and a token is still spent exactly once whichever instances race for it.
 */
class TwoInstancesOnClusterTests {

    private static final String ITEM_1 = "{\"itemId\":1,\"quantity\":1}";

    static RedisClusterDevService cluster;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void start() {
        cluster = RedisClusterDevService.start();
        first = instance();
        second = instance();
    }

    @AfterAll
    static void stop() {
        try {
            if (second != null) {
                second.close();
            }
            if (first != null) {
                first.close();
            }
        } finally {
            cluster.close();
        }
    }

    private static ConfigurableApplicationContext instance() {
        return new SpringApplicationBuilder(TestTradeApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--tradekit.dev-services.redis.enabled=false",
                "--spring.data.redis.cluster.nodes=" + cluster.nodesProperty(),
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
    void bothInstancesUseAClusterClient() {
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            assertThat(instance.getBean(LettuceTokenStore.class).connector().client())
                    .isInstanceOf(RedisClusterClient.class);
        }
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
        assertThat(controller(first).orders.get() + controller(second).orders.get()).isEqualTo(1);
    }

    @Test
    void eachOfTwentyTokensRacedBySixRequestsOnTwoInstancesIsSpentExactlyOnce() throws Exception {
        controller(first).reset();
        controller(second).reset();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tokens.add(http(i % 2 == 0 ? first : second).issue("order", null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<List<Future<HttpProbe.Response>>> racesPerToken = new ArrayList<>();
            for (String token : tokens) {
                List<Future<HttpProbe.Response>> race = new ArrayList<>();
                for (int r = 0; r < 6; r++) {
                    HttpProbe target = http(r % 2 == 0 ? first : second);
                    race.add(pool.submit(() -> {
                        go.await();
                        return target.postJson("/trade/order", token, null, ITEM_1);
                    }));
                }
                racesPerToken.add(race);
            }
            go.countDown();
            for (List<Future<HttpProbe.Response>> race : racesPerToken) {
                int accepted = 0;
                for (Future<HttpProbe.Response> attempt : race) {
                    HttpProbe.Response response = attempt.get(60, TimeUnit.SECONDS);
                    if (response.status() == 200) {
                        accepted++;
                    } else {
                        assertThat(response.status()).as(response.body()).isEqualTo(409);
                        assertThat(response.code()).isEqualTo("DUPLICATE_REQUEST");
                    }
                }
                assertThat(accepted).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(controller(first).orders.get() + controller(second).orders.get()).isEqualTo(20);
    }

    @Test
    void theHealthCheckPingsTheCluster() {
        HealthIndicator indicator = first.getBean("idempotentTokenHealthIndicator", HealthIndicator.class);
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("ping", "PONG");
    }
}
