package io.tradekit.benchmarks.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.cache.autoconfigure.TradekitCacheAutoConfiguration;
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
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
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
 *   <li>remote hit: {@code @Cached(cacheType = REMOTE)} from 50 threads against
 *       {@code redis-benchmark -c 50 -P 1} GET of the very key and value JetCache reads (run before
 *       and after the measurement, printed as {@code redis-benchmark GET ... rps}), and raw Redisson
 *       GETs of the same keys on the same client;</li>
 *   <li>the H2 loader (one query by primary key), for scale.</li>
 * </ul>
 * Micrometer is on (a SimpleMeterRegistry), as in an application with Actuator.
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

        @Bean(destroyMethod = "shutdown")
        RedissonClient redissonClient() {
            Config config = new Config();
            config.useSingleServer().setAddress(DevServices.redis().uri());
            return Redisson.create(config);
        }

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

    /** One application, its tables filled and every key cached at both levels. */
    @State(Scope.Benchmark)
    public static class App {

        ConfigurableApplicationContext context;
        BenchUsers users;
        RedissonClient redisson;

        @Setup(Level.Trial)
        public void start() {
            context = new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
                    .properties("spring.main.banner-mode=off", "tradekit.cache.base-packages=io.tradekit.benchmarks.cache",
                            "spring.datasource.url=jdbc:h2:mem:cachebench;DB_CLOSE_DELAY=-1",
                            "spring.datasource.username=sa", "spring.datasource.hikari.maximum-pool-size=8")
                    .run();
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

    /** The baseline of the remote hit, measured on the same Redis and key before and after the measurement. */
    @State(Scope.Benchmark)
    public static class RedisBaseline {

        static final String KEY = "tradekit:cache:benchRemote42";
        int port;
        int valueBytes;

        @Setup(Level.Trial)
        public void before(App app) throws Exception {
            byte[] value = (byte[]) app.redisson.getBucket(KEY, ByteArrayCodec.INSTANCE).get();
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
    public BenchUser remoteHitCached(App app, RedisBaseline baseline, Cursor cursor) {
        return app.users.remote(cursor.id());
    }

    /** Redisson alone on the same keys and client: how much of the remote hit is the client. */
    @Benchmark
    @Threads(50)
    public Object remoteRawRedissonGet(App app, Cursor cursor) {
        return app.redisson.getBucket("tradekit:cache:benchRemote" + cursor.id(), ByteArrayCodec.INSTANCE).get();
    }

    @Benchmark
    @Threads(4)
    public BenchUser loaderH2(App app, Cursor cursor) {
        return app.users.load(cursor.id());
    }
}
