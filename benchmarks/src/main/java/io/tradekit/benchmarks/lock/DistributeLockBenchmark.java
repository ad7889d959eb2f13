package io.tradekit.benchmarks.lock;

import io.tradekit.devservices.DevServices;
import io.tradekit.lock.DistributeLock;
import io.tradekit.lock.autoconfigure.DistributeLockAutoConfiguration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.redisson.Redisson;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lock+unlock throughput: a {@code @DistributeLock} method (Spring proxy, interceptor, SpEL key,
 * template, context, listeners) against raw {@code RLock.lockInterruptibly()} + {@code unlock()}
 * on the same lock names, on distinct keys (one per thread) and on one hot key, with the watchdog
 * and with a fixed lease. One Redis from dev services, one Redisson client shared by both sides.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'lock.DistributeLockBenchmark' -t 4
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@Threads(4)
public class DistributeLockBenchmark {

    static final String HOT = "hot";
    static final int LEASE_MS = 10_000;

    /** Beans of the benchmark application. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({AopAutoConfiguration.class, DistributeLockAutoConfiguration.class})
    public static class BenchApplication {

        @Bean(destroyMethod = "shutdown")
        RedissonClient redissonClient() {
            Config config = new Config();
            config.useSingleServer().setAddress(DevServices.redis().uri());
            return Redisson.create(config);
        }

        @Bean
        LockedCalls lockedCalls() {
            return new LockedCalls();
        }
    }

    /** The annotated side. */
    public static class LockedCalls {

        @DistributeLock(scene = "BENCH", keyExpression = "#key")
        public void watchdog(String key) {
        }

        @DistributeLock(scene = "BENCH", keyExpression = "#key", expireTime = LEASE_MS)
        public void fixed(String key) {
        }
    }

    /** One application and client for the whole run. */
    @State(Scope.Benchmark)
    public static class Shared {

        ConfigurableApplicationContext context;
        RedissonClient redisson;
        LockedCalls locked;

        @Setup(Level.Trial)
        public void start() {
            context = new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
                    .properties("spring.main.banner-mode=off", "logging.level.root=WARN").run();
            redisson = context.getBean(RedissonClient.class);
            locked = context.getBean(LockedCalls.class);
        }

        @TearDown(Level.Trial)
        public void stop() {
            context.close();
        }
    }

    /** A key of its own per thread. */
    @State(Scope.Thread)
    public static class OwnKey {

        private static final AtomicInteger IDS = new AtomicInteger();

        final String key = "distinct-" + IDS.incrementAndGet();
        final String lockName = rawName(key);
    }

    static String rawName(String key) {
        return "tradekit:lock:{BENCH#" + key + "}";
    }

    private static void raw(RedissonClient redisson, String lockName, long lease) throws InterruptedException {
        RLock lock = redisson.getLock(lockName);
        lock.lockInterruptibly(lease, TimeUnit.MILLISECONDS);
        lock.unlock();
    }

    @Benchmark
    public void distinctWatchdogAnnotated(Shared shared, OwnKey own) {
        shared.locked.watchdog(own.key);
    }

    @Benchmark
    public void distinctWatchdogRaw(Shared shared, OwnKey own) throws InterruptedException {
        raw(shared.redisson, own.lockName, -1);
    }

    @Benchmark
    public void distinctFixedAnnotated(Shared shared, OwnKey own) {
        shared.locked.fixed(own.key);
    }

    @Benchmark
    public void distinctFixedRaw(Shared shared, OwnKey own) throws InterruptedException {
        raw(shared.redisson, own.lockName, LEASE_MS);
    }

    @Benchmark
    public void hotWatchdogAnnotated(Shared shared) {
        shared.locked.watchdog(HOT);
    }

    @Benchmark
    public void hotWatchdogRaw(Shared shared) throws InterruptedException {
        raw(shared.redisson, rawName(HOT), -1);
    }

    @Benchmark
    public void hotFixedAnnotated(Shared shared) {
        shared.locked.fixed(HOT);
    }

    @Benchmark
    public void hotFixedRaw(Shared shared) throws InterruptedException {
        raw(shared.redisson, rawName(HOT), LEASE_MS);
    }
}
