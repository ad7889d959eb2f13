package io.tradekit.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The lock out of the box: an application with this starter alone (no RedissonClient of its own,
 * no database: the Redisson client comes from the starter's dependency and {@code spring.data.redis.*},
 * which dev-services points at a real redis-server), run as two instances on one Redis. The shared
 * counter is a Redis GET then SET: a read-modify-write that loses updates unless it is locked.
 */
class OutOfTheBoxAcrossInstancesTests {

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(RedisCounter.class)
    static class CounterApplication {
    }

    /** Increments a counter kept in Redis as text, with a gap between the read and the write. */
    static class RedisCounter {

        private final RedissonClient redisson;

        RedisCounter(RedissonClient redisson) {
            this.redisson = redisson;
        }

        @DistributeLock(scene = "REDIS_COUNTER", keyExpression = "#name")
        public void incrementLocked(String name) {
            readModifyWrite(name);
        }

        public void incrementUnlocked(String name) {
            readModifyWrite(name);
        }

        private void readModifyWrite(String name) {
            RBucket<String> counter = redisson.getBucket("tradekit-test:counter:" + name, StringCodec.INSTANCE);
            String value = counter.get();
            LockedServices.pause(1); // the window a concurrent writer needs to read the same value
            counter.set(String.valueOf((value == null ? 0 : Integer.parseInt(value)) + 1));
        }

        int value(String name) {
            String value = redisson.<String>getBucket("tradekit-test:counter:" + name, StringCodec.INSTANCE).get();
            return value == null ? 0 : Integer.parseInt(value);
        }
    }

    @BeforeAll
    static void startTwoInstances() {
        a = start("a");
        b = start("b");
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(CounterApplication.class).properties(
                "spring.application.name=" + name,
                "spring.main.web-application-type=none",
                "spring.main.banner-mode=off",
                // H2 is on this module's test classpath for other tests; this application has no database.
                "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
                .run();
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void eachInstanceHasItsOwnClientFromTheStarterOnTheSameDevServicesRedis() {
        RedissonClient onA = a.getBean(RedissonClient.class);
        RedissonClient onB = b.getBean(RedissonClient.class);
        assertThat(onA).isNotSameAs(onB);
        assertThat(a.getBeanNamesForType(RedissonClient.class)).containsExactly("redisson");
        String url = a.getEnvironment().getProperty("spring.data.redis.url");
        assertThat(url).startsWith("redis://127.0.0.1:").isNotEqualTo("redis://127.0.0.1:6379")
                .isEqualTo(b.getEnvironment().getProperty("spring.data.redis.url"));
        assertThat(a.getBeanNamesForType(javax.sql.DataSource.class)).isEmpty();
    }

    @Test
    void twoHundredLockedIncrementsAcrossTwoInstancesEndAtExactly200() throws Exception {
        String name = "locked-" + UUID.randomUUID();
        assertThat(run(name, RedisCounter::incrementLocked)).isEqualTo(200);
        assertThat(a.getBean(RedisCounter.class).value(name)).isEqualTo(200);
    }

    @Test
    void controlWithoutTheLockTheSameWorkloadLosesUpdates() throws Exception {
        String name = "unlocked-" + UUID.randomUUID();
        assertThat(run(name, RedisCounter::incrementUnlocked)).isEqualTo(200);
        assertThat(b.getBean(RedisCounter.class).value(name)).isLessThan(200);
    }

    /** 200 calls alternating between the instances, from 8 threads; returns how many succeeded. */
    private static int run(String name, BiConsumer<RedisCounter, String> increment) throws Exception {
        RedisCounter onA = a.getBean(RedisCounter.class);
        RedisCounter onB = b.getBean(RedisCounter.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                RedisCounter target = i % 2 == 0 ? onA : onB;
                calls.add(pool.submit(() -> increment.accept(target, name)));
            }
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
            return calls.size();
        } finally {
            pool.shutdownNow();
        }
    }
}
