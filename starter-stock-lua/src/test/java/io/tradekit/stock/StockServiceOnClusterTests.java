package io.tradekit.stock;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.devservices.redis.RedisClusterDevService;
import io.tradekit.stock.autoconfigure.StockAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stock service of two application instances whose {@code spring.data.redis.cluster.nodes} point at
 * a three-master Redis Cluster: the starter builds its own Lettuce cluster client, the scripts' keys of
 * one item share the hash tag {@code {itemId}}, and the restock channel (plain PUBLISH, which the
 * cluster bus carries to every node) reaches the other instance whichever node it subscribed on.
 */
class StockServiceOnClusterTests {

    private static final String PREFIX = "cluster:stock:";

    private static RedisClusterDevService cluster;
    private static ConfigurableApplicationContext contextA;
    private static ConfigurableApplicationContext contextB;
    private static StockService a;
    private static StockService b;
    private static RedisClusterClient rawClient;
    private static StatefulRedisClusterConnection<String, String> rawConnection;
    private static RedisAdvancedClusterCommands<String, String> raw;

    @BeforeAll
    static void startTwoInstancesOnACluster() {
        cluster = RedisClusterDevService.start();
        contextA = start("a");
        contextB = start("b");
        a = contextA.getBean(StockService.class);
        b = contextB.getBean(StockService.class);
        rawClient = RedisClusterClient.create(cluster.ports().stream().map(p -> RedisURI.create("127.0.0.1", p)).toList());
        rawConnection = rawClient.connect();
        raw = rawConnection.sync();
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("tradekit.dev-services.redis.enabled=false",
                        "spring.data.redis.cluster.nodes=" + cluster.nodesProperty(),
                        "tradekit.stock.key-prefix=" + PREFIX,
                        "spring.application.name=" + name, "spring.main.banner-mode=off")
                .run();
    }

    @AfterAll
    static void stop() {
        try {
            if (contextB != null) {
                contextB.close();
            }
            if (contextA != null) {
                contextA.close();
            }
            if (rawClient != null) {
                rawConnection.close();
                rawClient.shutdown();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void concurrentDeductionsOnItemsOfEveryMasterSellExactlyTheStockAndReturnsRestoreIt() throws Exception {
        List<String> items = new ArrayList<>();
        Set<Integer> masters = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            String item = "seckill-" + i + "-" + System.nanoTime();
            items.add(item);
            // redis-cli splits the slots into three even ranges, one per master.
            masters.add(SlotHash.getSlot(item) * 3 / SlotHash.SLOT_COUNT);
            assertThat(a.init(item, 50)).isTrue();
        }
        assertThat(masters).as("the items live on several masters").hasSizeGreaterThan(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicInteger sold = new AtomicInteger();
        List<StockCommand> succeeded = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> attempts = new ArrayList<>();
            for (int n = 0; n < 600; n++) {
                StockService instance = n % 2 == 0 ? a : b;
                StockCommand command = new StockCommand(items.get(n % items.size()), "buyer-" + n, "order-" + n, 1);
                attempts.add(pool.submit(() -> {
                    go.await();
                    StockResult result = instance.deduct(command);
                    if (result.success()) {
                        sold.incrementAndGet();
                        succeeded.add(command);
                    } else {
                        assertThat(result.code()).isIn(StockCode.NOT_ENOUGH, StockCode.SOLD_OUT);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> attempt : attempts) {
                attempt.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sold).hasValue(6 * 50);
        for (String item : items) {
            assertThat(raw.get(PREFIX + "{" + item + "}")).isEqualTo("0");
            assertThat(raw.hlen(PREFIX + "{" + item + "}:records")).isEqualTo(2L * 50);
        }
        // Returning every sold unit, each once (a replayed return changes nothing), restores the stock.
        for (StockCommand command : succeeded) {
            StockService instance = command.identifier().hashCode() % 2 == 0 ? b : a;
            assertThat(instance.increase(command).success()).isTrue();
            assertThat(instance.increase(command).replay()).isTrue();
        }
        for (String item : items) {
            assertThat(a.get(item)).hasValue(50);
            assertThat(b.get(item)).hasValue(50);
        }
    }

    @Test
    void aSoldOutFlagOnOneInstanceIsClearedByARestockOnTheOther() {
        String item = "flash-" + System.nanoTime();
        a.init(item, 2);
        assertThat(b.deduct(new StockCommand(item, "u1", "o-1", 2)).after()).isZero();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
            assertThat(b.deduct(new StockCommand(item, "probe", "probe-1", 1)).success()).isFalse();
            return b.isFlaggedSoldOut(item);
        });
        assertThat(a.increase(new StockCommand(item, "ops", "restock-1", 3)).after()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> !b.isFlaggedSoldOut(item));
        assertThat(b.deduct(new StockCommand(item, "u2", "o-2", 1)).after()).isEqualTo(2);
    }

    @Test
    void aDeductionReplayedOnTheOtherInstanceGetsTheFirstResult() {
        String item = "replay-" + System.nanoTime();
        a.init(item, 10);
        StockCommand command = new StockCommand(item, "u1", "o-1", 2);
        StockResult first = a.deduct(command);
        StockResult second = b.deduct(command);
        assertThat(second.replay()).isTrue();
        assertThat(second.after()).isEqualTo(first.after()).isEqualTo(8);
        assertThat(second.timestamp()).isEqualTo(first.timestamp());
        assertThat(b.record(item, "o-1")).isEqualTo(a.record(item, "o-1")).isPresent();
    }

    @SpringBootConfiguration
    @ImportAutoConfiguration(StockAutoConfiguration.class)
    static class App {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
