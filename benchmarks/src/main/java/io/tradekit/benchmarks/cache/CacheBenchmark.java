package io.tradekit.benchmarks.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.tradekit.cache.autoconfigure.TradekitCacheAutoConfiguration;
import io.tradekit.cache.lettuce.LettuceRemoteLevel;
import io.tradekit.cache.remote.RemoteLevel;
import java.lang.management.ManagementFactory;
import io.tradekit.devservices.DevServices;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two-level cache reads against raw baselines, in one run:
 * <ul>
 *   <li>local hit: {@code @Cached(cacheType = BOTH)} against {@link RawCaffeineAspect} (same SpEL
 *       key, raw Caffeine), 2 + 2 threads running at the same time, 1024 warm keys;</li>
 *   <li>remote hit: {@code @Cached(cacheType = REMOTE)} from 50 threads, on the Redisson level
 *       (default) and on the Lettuce level ({@code tradekit.cache.remote.client=lettuce}, a second
 *       application context), against {@code redis-benchmark -c 50 -P 1} GET of the very key and
 *       value JetCache reads (run before and after the measurement, printed as
 *       {@code redis-benchmark GET ... rps}), raw Redisson GETs of the same keys on the same client,
 *       and raw Lettuce sync GETs on one shared connection;</li>
 *   <li>the H2 loader (one query by primary key), for scale.</li>
 * </ul>
 * Micrometer is on (a SimpleMeterRegistry), as in an application with Actuator. Each benchmark
 * prints the JVM's process CPU time over its measurement iterations ({@code cpu ...}), so that CPU
 * per call can be read next to the throughput.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'cache.CacheBenchmark'
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 8, time = 3)
@Fork(1)
public class CacheBenchmark {

    static final int KEYS = 1024;
    static final String REDIS_BENCHMARK = "/usr/bin/redis-benchmark";

    /** Beans of the benchmark application. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({AopAutoConfiguration.class, DataSourceAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, TradekitCacheAutoConfiguration.class})
    public static class BenchApplication {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        BenchUsers benchUsers(JdbcTemplate jdbc) {
            return new BenchUsers(jdbc);
        }

        @Bean
        RawCaffeineAspect rawCaffeineAspect() {
            return new RawCaffeineAspect();
        }
    }

    /** The application's Redisson client: the default remote level uses it. */
    @Configuration(proxyBeanMethods = false)
    public static class RedissonBeans {

        @Bean(destroyMethod = "shutdown")
        RedissonClient redissonClient() {
            Config config = new Config();
            config.useSingleServer().setAddress(DevServices.redis().uri());
            return Redisson.create(config);
        }
    }

    static ConfigurableApplicationContext startApp(Class<?>[] sources, String... extra) {
        List<String> properties = new java.util.ArrayList<>(List.of("spring.main.banner-mode=off",
                "tradekit.cache.base-packages=io.tradekit.benchmarks.cache",
                "spring.datasource.url=jdbc:h2:mem:cachebench;DB_CLOSE_DELAY=-1",
                "spring.datasource.username=sa", "spring.datasource.hikari.maximum-pool-size=8"));
        properties.addAll(List.of(extra));
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new)).run();
    }

    /** One application (remote level on Redisson), its tables filled and every key cached at both levels. */
    @State(Scope.Benchmark)
    public static class App {

        ConfigurableApplicationContext context;
        BenchUsers users;
        RedissonClient redisson;

        @Setup(Level.Trial)
        public void start() {
            context = startApp(new Class<?>[] {BenchApplication.class, RedissonBeans.class});
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TABLE IF NOT EXISTS bench_user (id BIGINT PRIMARY KEY, name VARCHAR(64), "
                    + "mobile VARCHAR(20), balance DECIMAL(19, 2), updated_at BIGINT)");
            for (long id = 1; id <= KEYS; id++) {
                jdbc.update("MERGE INTO bench_user KEY (id) VALUES (?, ?, ?, ?, ?)", id, "user-" + id,
                        "138" + String.format(Locale.ROOT, "%08d", id), new BigDecimal("1024.50"), 1_700_000_000_000L + id);
            }
            users = context.getBean(BenchUsers.class);
            redisson = context.getBean(RedissonClient.class);
            for (long id = 1; id <= KEYS; id++) {
                check(users.local(id), id);
                check(users.remote(id), id);
                check(users.raw(id), id);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            context.close();
        }
    }

    /**
     * The same application with {@code tradekit.cache.remote.client=lettuce} and no Redisson at all,
     * on the same Redis, keys and bytes (both levels write the same layout).
     */
    @State(Scope.Benchmark)
    public static class LettuceApp {

        ConfigurableApplicationContext context;
        BenchUsers users;

        @Setup(Level.Trial)
        public void start() {
            context = startApp(new Class<?>[] {BenchApplication.class}, "tradekit.cache.remote.client=lettuce",
                    "spring.data.redis.url=" + DevServices.redis().uri());
            if (!(context.getBean(RemoteLevel.class) instanceof LettuceRemoteLevel)) {
                throw new IllegalStateException("not on the Lettuce level: " + context.getBean(RemoteLevel.class));
            }
            users = context.getBean(BenchUsers.class);
            for (long id = 1; id <= KEYS; id++) {
                check(users.remote(id), id);
            }
        }

        @TearDown(Level.Trial)
        public void stop() {
            context.close();
        }
    }

    /** Raw Lettuce: one client, one connection with a byte codec shared by all threads (automatic pipelining). */
    @State(Scope.Benchmark)
    public static class RawLettuce {

        RedisClient client;
        StatefulRedisConnection<byte[], byte[]> connection;
        RedisCommands<byte[], byte[]> sync;
        byte[][] keys;

        @Setup(Level.Trial)
        public void connect(App app) {
            client = RedisClient.create(DevServices.redis().uri());
            connection = client.connect(ByteArrayCodec.INSTANCE);
            sync = connection.sync();
            keys = new byte[KEYS + 1][];
            for (int id = 1; id <= KEYS; id++) {
                keys[id] = ("tradekit:cache:benchRemote" + id).getBytes(StandardCharsets.UTF_8);
                if (sync.get(keys[id]) == null) {
                    throw new IllegalStateException("no value at benchRemote" + id);
                }
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            connection.close();
            client.shutdown();
        }
    }

    /**
     * Process CPU time over the measurement iterations of each benchmark, printed at its end: with
     * the throughput it gives the JVM's CPU per call (client, cache and JMH threads together).
     */
    @State(Scope.Benchmark)
    public static class CpuMeter {

        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuNanos;
        long wallNanos;
        long cpuStart;
        long wallStart;
        boolean measuring;

        @Setup(Level.Iteration)
        public void begin(IterationParams iteration) {
            measuring = iteration.getType() == IterationType.MEASUREMENT;
            cpuStart = os.getProcessCpuTime();
            wallStart = System.nanoTime();
        }

        @TearDown(Level.Iteration)
        public void end() {
            if (measuring) {
                cpuNanos += os.getProcessCpuTime() - cpuStart;
                wallNanos += System.nanoTime() - wallStart;
            }
        }

        @TearDown(Level.Trial)
        public void report(BenchmarkParams benchmark) {
            System.out.printf(Locale.ROOT, "%ncpu %s: %.1f s process CPU over %.1f s measured = %.2f cores busy%n",
                    benchmark.getBenchmark().replaceAll(".*\\.", ""), cpuNanos / 1e9, wallNanos / 1e9,
                    wallNanos == 0 ? 0 : (double) cpuNanos / wallNanos);
        }
    }

    /** The baseline of the remote hit, measured on the same Redis and key before and after the measurement. */
    @State(Scope.Benchmark)
    public static class RedisBaseline {

        static final String KEY = "tradekit:cache:benchRemote42";
        int port;
        int valueBytes;

        @Setup(Level.Trial)
        public void before(App app) throws Exception {
            byte[] value = (byte[]) app.redisson.getBucket(KEY, org.redisson.client.codec.ByteArrayCodec.INSTANCE).get();
            if (value == null) {
                throw new IllegalStateException("JetCache did not write " + KEY);
            }
            valueBytes = value.length;
            port = Integer.parseInt(DevServices.redis().uri().replaceAll(".*:", ""));
            report("before");
        }

        @TearDown(Level.Trial)
        public void after() throws Exception {
            report("after");
        }

        private void report(String when) throws Exception {
            Process process = new ProcessBuilder(List.of(REDIS_BENCHMARK, "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-c", "50", "-P", "1", "-n", "300000", "--csv", "GET", KEY)).redirectErrorStream(true).start();
            StringBuilder out = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    out.append(line).append('\n');
                }
            }
            process.waitFor(5, TimeUnit.MINUTES);
            Matcher rps = Pattern.compile("(?im)^\"GET.*?\",\"([0-9.]+)\"").matcher(out);
            if (!rps.find()) {
                throw new IllegalStateException("no GET line in redis-benchmark output: " + out);
            }
            System.out.printf(Locale.ROOT, "%nredis-benchmark GET %s (%d-byte value) -c 50 -P 1, %s: %s rps%n", KEY,
                    valueBytes, when, rps.group(1));
        }
    }

    /** Each thread walks the warm keys. */
    @State(Scope.Thread)
    public static class Cursor {

        int next;

        long id() {
            next = (next + 1) & (KEYS - 1);
            return next + 1;
        }
    }

    static BenchUser check(BenchUser user, long id) {
        if (user == null || user.id() != id) {
            throw new IllegalStateException("wrong user for " + id + ": " + user);
        }
        return user;
    }

    // The two local-hit sides run at the same time (a JMH group), so that the load of a shared
    // machine falls on both alike; each reports its own throughput.

    @Benchmark
    @Group("localHit")
    @GroupThreads(2)
    public BenchUser localHitCached(App app, Cursor cursor) {
        return app.users.local(cursor.id());
    }

    @Benchmark
    @Group("localHit")
    @GroupThreads(2)
    public BenchUser localHitRawAspect(App app, Cursor cursor) {
        return app.users.raw(cursor.id());
    }

    @Benchmark
    @Threads(50)
    public BenchUser remoteHitCached(App app, RedisBaseline baseline, Cursor cursor, CpuMeter cpu) {
        return app.users.remote(cursor.id());
    }

    /** The same remote hit on the Lettuce level (tradekit.cache.remote.client=lettuce). */
    @Benchmark
    @Threads(50)
    public BenchUser remoteHitCachedLettuce(LettuceApp app, RedisBaseline baseline, Cursor cursor, CpuMeter cpu) {
        return app.users.remote(cursor.id());
    }

    /** Redisson alone on the same keys and client: how much of the remote hit is the client. */
    @Benchmark
    @Threads(50)
    public Object remoteRawRedissonGet(App app, Cursor cursor, CpuMeter cpu) {
        return app.redisson.getBucket("tradekit:cache:benchRemote" + cursor.id(), org.redisson.client.codec.ByteArrayCodec.INSTANCE).get();
    }

    /** Lettuce alone: sync GET on one shared byte-codec connection, the same keys. */
    @Benchmark
    @Threads(50)
    public Object remoteRawLettuceGet(RawLettuce lettuce, Cursor cursor, CpuMeter cpu) {
        return lettuce.sync.get(lettuce.keys[(int) cursor.id()]);
    }

    @Benchmark
    @Threads(4)
    public BenchUser loaderH2(App app, Cursor cursor) {
        return app.users.load(cursor.id());
    }
}
