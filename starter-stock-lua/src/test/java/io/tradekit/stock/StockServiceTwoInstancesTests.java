package io.tradekit.stock;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application contexts (two instances) on one dev-services Redis: no oversell and no under-sell
 * under contention, sold-out fast-fails that make no Redis call, and restock on one instance
 * reaching the other.
 */
class StockServiceTwoInstancesTests {

    private static final String PREFIX = "two:stock:";

    private static ConfigurableApplicationContext contextA;
    private static ConfigurableApplicationContext contextB;
    private static StockService a;
    private static StockService b;
    private static RedisClient rawClient;
    private static RedisCommands<String, String> raw;

    @BeforeAll
    static void startTwoInstances() {
        contextA = start("a");
        contextB = start("b");
        a = contextA.getBean(StockService.class);
        b = contextB.getBean(StockService.class);
        String host = contextA.getEnvironment().getProperty("spring.data.redis.host");
        String port = contextA.getEnvironment().getProperty("spring.data.redis.port");
        assertThat(contextB.getEnvironment().getProperty("spring.data.redis.port")).isEqualTo(port);
        rawClient = RedisClient.create("redis://" + host + ":" + port);
        raw = rawClient.connect().sync();
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
                .properties("tradekit.dev-services.redis.enabled=true", "tradekit.stock.key-prefix=" + PREFIX,
                        "spring.application.name=" + name, "spring.main.banner-mode=off")
                .run();
    }

    @AfterAll
    static void stop() {
        contextA.close();
        contextB.close();
        rawClient.shutdown();
    }

    @Test
    void tenThousandAttemptsFrom64ThreadsOnTwoInstancesSellExactlyTheStock() throws Exception {
        String item = "seckill-" + System.nanoTime();
        assertThat(a.init(item, 100)).isTrue();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        ConcurrentLinkedQueue<StockCommand> sold = new ConcurrentLinkedQueue<>();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger demand = new AtomicInteger();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 64; t++) {
                StockService instance = t % 2 == 0 ? a : b;
                int thread = t;
                workers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 10_000 / 64 + 1; i++) {
                        int n = attempts.incrementAndGet();
                        if (n > 10_000) {
                            break;
                        }
                        int quantity = ThreadLocalRandom.current().nextInt(1, 4);
                        demand.addAndGet(quantity);
                        StockCommand command = new StockCommand(item, "buyer-" + thread, "order-" + n, quantity);
                        StockResult result = instance.deduct(command);
                        if (result.success()) {
                            assertThat(result.replay()).isFalse();
                            sold.add(command);
                        } else {
                            assertThat(result.code()).isIn(StockCode.NOT_ENOUGH, StockCode.SOLD_OUT);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> worker : workers) {
                worker.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(attempts.get()).isGreaterThanOrEqualTo(10_000);
        assertThat(demand.get()).isGreaterThan(100);
        long soldQuantity = sold.stream().mapToLong(StockCommand::quantity).sum();
        long left = Long.parseLong(raw.get(PREFIX + "{" + item + "}"));
        assertThat(left).isGreaterThanOrEqualTo(0);
        assertThat(left + soldQuantity).isEqualTo(100);
        // Demand exceeds stock with quantities 1-3: the last unit is sold too (no under-sell).
        assertThat(left).isZero();
        assertThat(soldQuantity).isEqualTo(100);
        String records = PREFIX + "{" + item + "}:records";
        // One record field per success, plus one identifier index field per success.
        assertThat(raw.hlen(records)).isEqualTo(2L * sold.size());
        for (StockCommand command : sold) {
            assertThat(raw.hexists(records, command.buyerId() + "|" + command.identifier() + "|-" + command.quantity()))
                    .isTrue();
        }
        assertThat(a.isFlaggedSoldOut(item) || b.isFlaggedSoldOut(item)).isTrue();
    }

    @Test
    void threeHundredConcurrentSingleUnitDeductionsThroughTwoInstancesSellExactlyOneHundred() throws Exception {
        String item = "single-" + System.nanoTime();
        assertThat(a.init(item, 100)).isTrue();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> attempts = new ArrayList<>();
            for (int n = 0; n < 300; n++) {
                StockService instance = n % 2 == 0 ? a : b;
                StockCommand command = new StockCommand(item, "buyer-" + n, "order-" + n, 1);
                attempts.add(pool.submit(() -> {
                    go.await();
                    StockResult result = instance.deduct(command);
                    if (result.success()) {
                        succeeded.incrementAndGet();
                    } else {
                        assertThat(result.code()).isIn(StockCode.NOT_ENOUGH, StockCode.SOLD_OUT);
                        refused.incrementAndGet();
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
        assertThat(succeeded).hasValue(100);
        assertThat(refused).hasValue(200);
        assertThat(raw.get(PREFIX + "{" + item + "}")).isEqualTo("0");
        assertThat(raw.hlen(PREFIX + "{" + item + "}:records")).isEqualTo(200L);
    }

    @Test
    void afterSellOutAnInstanceFailsFastWithoutRedisAndARestockOnTheOtherReEnablesIt() {
        String item = "flash-" + System.nanoTime();
        a.init(item, 5);
        assertThat(b.deduct(new StockCommand(item, "u1", "o-1", 5)).after()).isZero();
        // The restock message of a.init may reach B after B's request left: that reply then sets no
        // flag (it might predate a restock), so B learns "sold out" again from Redis.
        awaitFlagged(b, item);

        MeterRegistry metricsB = contextB.getBean(MeterRegistry.class);
        double fastFailsBefore = metricsB.counter("tradekit.stock.sold-out.fast-fails").count();
        long evalshaBefore = calls("evalsha");
        long totalBefore = calls("get") + calls("hget") + calls("eval");
        for (int i = 0; i < 200; i++) {
            StockResult result = b.deduct(new StockCommand(item, "u2", "o-x" + i, 1));
            assertThat(result.code()).isEqualTo(StockCode.SOLD_OUT);
            assertThat(result.success()).isFalse();
        }
        assertThat(calls("evalsha")).isEqualTo(evalshaBefore);
        assertThat(calls("get") + calls("hget") + calls("eval")).isEqualTo(totalBefore);
        assertThat(metricsB.counter("tradekit.stock.sold-out.fast-fails").count() - fastFailsBefore).isEqualTo(200.0);
        assertThat(metricsB.counter("tradekit.stock.deductions", "result", "sold_out").count()).isGreaterThanOrEqualTo(200.0);

        StockResult restock = a.increase(new StockCommand(item, "ops", "restock-1", 2));
        assertThat(restock.after()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> b.deduct(new StockCommand(item, "u3", "o-after", 1)).success());
        assertThat(a.get(item)).hasValue(1);
        assertThat(b.isFlaggedSoldOut(item)).isFalse();
    }

    @Test
    void aFlagRemembersTheLastStockSoSmallerQuantitiesStillGoToRedis() {
        String item = "partial-" + System.nanoTime();
        a.init(item, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            assertThat(b.deduct(new StockCommand(item, "u1", "o-1", 3)).code()).isIn(StockCode.NOT_ENOUGH, StockCode.SOLD_OUT);
            return b.isFlaggedSoldOut(item);
        });
        assertThat(b.deduct(new StockCommand(item, "u1", "o-2", 2)).code()).isEqualTo(StockCode.SOLD_OUT);
        assertThat(b.deduct(new StockCommand(item, "u1", "o-3", 1)).success()).isTrue();
        assertThat(b.get(item)).hasValue(0);
    }

    @Test
    void aReplayOfAnAppliedDeductionGetsItsFirstResultOnFlaggedInstancesWhileNewIdentifiersStayRedisFree() {
        String item = "retry-" + System.nanoTime();
        a.init(item, 1);
        StockCommand command = new StockCommand(item, "u1", "o-1", 1);
        StockResult first = b.deduct(command);
        assertThat(first.success()).isTrue();
        assertThat(first.after()).isZero();
        awaitFlagged(a, item);
        awaitFlagged(b, item);
        StockResult expected = new StockResult(true, StockCode.SUCCESS, 1, 0, true, first.timestamp());

        // B applied it: its flag lets the replay through to Redis, which answers the first result.
        long evalshaBefore = calls("evalsha");
        assertThat(b.deduct(command)).isEqualTo(expected);
        assertThat(calls("evalsha")).isEqualTo(evalshaBefore + 1);

        // A never saw it: its plain deduct cannot know (the documented limit; the record is there)...
        assertThat(a.deduct(command).code()).isEqualTo(StockCode.SOLD_OUT);
        assertThat(a.record(command, StockOperation.DEDUCT)).get().extracting(StockRecord::after).isEqualTo(0L);
        // ... so a retry that may have been applied elsewhere says so and asks Redis; A then remembers it.
        assertThat(a.retryDeduct(command)).isEqualTo(expected);
        assertThat(a.deductAsync(command).toCompletableFuture().join()).isEqualTo(expected);
        assertThat(a.deduct(command)).isEqualTo(expected);
        assertThat(a.get(item)).hasValue(0);

        // New identifiers still fail fast on both instances, without any Redis call.
        long callsBefore = calls("evalsha") + calls("eval") + calls("hget") + calls("get");
        assertThat(a.deduct(new StockCommand(item, "u2", "o-2", 1)).code()).isEqualTo(StockCode.SOLD_OUT);
        assertThat(b.deduct(new StockCommand(item, "u3", "o-3", 1)).code()).isEqualTo(StockCode.SOLD_OUT);
        assertThat(b.deduct(new StockCommand(item, "u1", "o-1", 2)).code()).isEqualTo(StockCode.SOLD_OUT);
        assertThat(calls("evalsha") + calls("eval") + calls("hget") + calls("get")).isEqualTo(callsBefore);

    }

    @Test
    void aReadOfZeroTeachesAnInstanceThatNeverDeductedAndARestockElsewhereClearsIt() {
        String item = "read-zero-" + System.nanoTime();
        a.init(item, 1);
        assertThat(a.deduct(new StockCommand(item, "u1", "o-1", 1)).after()).isZero();
        assertThat(b.knownSoldOut(item, 1)).as("B has not heard from Redis yet").isFalse();

        assertThat(b.get(item)).hasValue(0);
        long callsBefore = calls("evalsha") + calls("eval") + calls("hget") + calls("get");
        assertThat(b.knownSoldOut(item, 1)).isTrue();
        assertThat(b.deduct(new StockCommand(item, "u2", "o-2", 1)).code()).isEqualTo(StockCode.SOLD_OUT);
        assertThat(calls("evalsha") + calls("eval") + calls("hget") + calls("get")).isEqualTo(callsBefore);

        assertThat(a.increase(new StockCommand(item, "u1", "o-1", 1)).after()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !b.knownSoldOut(item, 1));
        assertThat(b.deduct(new StockCommand(item, "u3", "o-3", 1)).after()).isZero();
    }

    @Test
    void knownSoldOutNeverAnswersForAnItemWithStockOrForAnUnknownItem() {
        String item = "known-" + System.nanoTime();
        a.init(item, 5);
        assertThat(a.get(item)).hasValue(5);
        assertThat(a.knownSoldOut(item, 1)).isFalse();
        assertThat(a.knownSoldOut("never-seen-" + System.nanoTime(), 1)).isFalse();
        assertThat(a.get("missing-" + System.nanoTime())).isEmpty();
    }

    @Test
    void theExactRecordLookupTellsTwoBuyersOnOneIdentifierApart() {
        String item = "shared-id-" + System.nanoTime();
        a.init(item, 10);
        StockCommand first = new StockCommand(item, "u1", "same", 2);
        StockCommand second = new StockCommand(item, "u2", "same", 3);
        assertThat(a.deduct(first).after()).isEqualTo(8);
        assertThat(b.deduct(second).after()).isEqualTo(5);
        assertThat(b.record(first, StockOperation.DEDUCT)).get()
                .extracting(StockRecord::buyerId, StockRecord::before, StockRecord::after).containsExactly("u1", 10L, 8L);
        assertThat(a.record(second, StockOperation.DEDUCT)).get()
                .extracting(StockRecord::buyerId, StockRecord::before, StockRecord::after).containsExactly("u2", 8L, 5L);
        assertThat(a.record(new StockCommand(item, "u1", "same", 3), StockOperation.DEDUCT)).isEmpty();
        assertThat(a.record(first, StockOperation.INCREASE)).isEmpty();
        // The identifier-only lookup cannot tell them apart: it answers the latest.
        assertThat(a.record(item, "same")).get().extracting(StockRecord::buyerId).isEqualTo("u2");
    }

    @Test
    void initOverwriteOnOneInstanceClearsTheFlagOnTheOther() {
        String item = "reinit-" + System.nanoTime();
        a.init(item, 1);
        assertThat(b.deduct(new StockCommand(item, "u1", "o-1", 1)).success()).isTrue();
        awaitFlagged(b, item);
        assertThat(a.init(item, 10, true)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> !b.isFlaggedSoldOut(item));
        assertThat(b.deduct(new StockCommand(item, "u2", "o-2", 1)).after()).isEqualTo(9);
    }

    @Test
    void replaysAreCountedAndBothInstancesSeeTheSameRecord() {
        String item = "replay-" + System.nanoTime();
        a.init(item, 10);
        StockCommand command = new StockCommand(item, "u1", "o-1", 2);
        StockResult first = a.deduct(command);
        StockResult second = b.deduct(command);
        assertThat(second.replay()).isTrue();
        assertThat(second.after()).isEqualTo(first.after());
        assertThat(second.timestamp()).isEqualTo(first.timestamp());
        assertThat(contextB.getBean(MeterRegistry.class).counter("tradekit.stock.replays", "operation", "deduct").count())
                .isGreaterThanOrEqualTo(1.0);
        assertThat(b.record(item, "o-1")).isEqualTo(a.record(item, "o-1")).isPresent();
    }

    private static void awaitFlagged(StockService instance, String item) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> {
            StockResult result = instance.deduct(new StockCommand(item, "probe", "probe-1", 1));
            assertThat(result.success()).isFalse();
            return instance.isFlaggedSoldOut(item);
        });
    }

    private static long calls(String command) {
        Matcher m = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(raw.info("commandstats"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
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
