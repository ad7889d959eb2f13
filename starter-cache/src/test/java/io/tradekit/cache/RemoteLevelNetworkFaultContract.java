package io.tradekit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.cache.remote.RemoteBreaker;
import io.tradekit.cache.sample.CacheTestApplication;
import io.tradekit.cache.sample.UserService;
import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.fault.FaultProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault case 4 of issue 19 for the cache (one subclass per remote client): an instance whose remote level
 * reaches the dev Redis only through a {@link FaultProxy}. Under a blackhole or a cut, reads are answered by
 * the loader, and the {@link RemoteBreaker} keeps all but a bounded number of calls from waiting the client's
 * timeout; after the heal the remote level is written and read again. Proved by loader calls, the keys in
 * Redis (read directly, not through the proxy) and the remote level's own answers, never by a duration.
 */
@Tag("crash")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RemoteLevelNetworkFaultContract {

    /** The client's command timeout: a call that met the fault waited at least this long. */
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final int THRESHOLD = 3;
    private static final Duration OPEN = Duration.ofSeconds(2);
    private static final int IDS_PER_FAULT = 12;

    private FaultProxy proxy;
    private ConfigurableApplicationContext context;
    private RedissonClient direct;
    private UserService service;
    private JdbcTemplate jdbc;

    /** This class's own keys in the JVM's shared dev Redis. */
    private String keyPrefix() {
        return "tradekit:cache:netfault-" + getClass().getSimpleName() + ":";
    }

    /** The remote client's properties, its timeouts {@link #TIMEOUT}. */
    abstract List<String> clientProperties();

    @BeforeAll
    void start() {
        int redisPort = DevServices.redis().port();
        proxy = FaultProxy.start("127.0.0.1", redisPort);
        String viaProxy = "redis://127.0.0.1:" + proxy.port();
        List<String> properties = new ArrayList<>(List.of(CacheTestApplication.properties("netfault")));
        properties.add("tradekit.dev-services.redis.enabled=false");
        properties.add("spring.data.redis.url=" + viaProxy);
        properties.add("test.own-redis-url=" + viaProxy);
        properties.add("test.own-redis-timeout-ms=" + TIMEOUT.toMillis());
        properties.add("tradekit.cache.remote.failure-threshold=" + THRESHOLD);
        properties.add("tradekit.cache.remote.open-duration=" + OPEN.toMillis() + "ms");
        properties.add("tradekit.cache.key-prefix=" + keyPrefix());
        properties.add("spring.datasource.url=jdbc:h2:mem:" + getClass().getSimpleName() + ";DB_CLOSE_DELAY=-1");
        properties.addAll(clientProperties());
        context = new SpringApplicationBuilder(CacheTestApplication.class).properties(properties.toArray(String[]::new)).run();
        jdbc = context.getBean(JdbcTemplate.class);
        UserService.createSchema(jdbc);
        service = context.getBean(UserService.class);
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:" + redisPort);
        direct = Redisson.create(config);
    }

    @AfterAll
    void stop() {
        try {
            if (proxy != null) {
                proxy.heal();
            }
            if (context != null) {
                context.close();
            }
            if (direct != null) {
                direct.shutdown();
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    @Test
    void aBlackholedRemoteLevelFallsBackToTheLoaderAndIsUsedAgainAfterTheHeal() {
        survive(1_000, FaultProxy::blackhole, "blackhole");
    }

    @Test
    void aCutRemoteLevelFallsBackToTheLoaderAndIsUsedAgainAfterTheHeal() {
        survive(2_000, FaultProxy::cut, "cut");
    }

    private void survive(long firstId, java.util.function.Consumer<FaultProxy> fault, String name) {
        assertRemoteLevelInUse(firstId);

        fault.accept(proxy);
        int loadsBefore = service.loads();
        int waited = 0;
        long faultStart = System.nanoTime();
        for (long id = firstId + 1; id <= firstId + IDS_PER_FAULT; id++) {
            UserService.insert(jdbc, id, "user-" + id);
            long callStart = System.nanoTime();
            assertThat(service.get(id).name()).as("answered by the loader under the %s", name).isEqualTo("user-" + id);
            if (System.nanoTime() - callStart >= TIMEOUT.toNanos()) {
                waited++;
            }
            assertThat(service.get(id).name()).as("then by the local level").isEqualTo("user-" + id);
        }
        long faultMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - faultStart);
        assertThat(service.loads() - loadsBefore).as("one load per id").isEqualTo(IDS_PER_FAULT);
        assertThat(context.getBean(RemoteBreaker.class).isOpen()).as("the remote level is skipped").isTrue();
        // Every call that met the fault waited at least the timeout, so it is counted here (an unrelated slow
        // call only makes the count larger). Allowed: the calls that open the breaker and one trial per open period.
        long allowed = THRESHOLD + 1 + faultMillis / OPEN.toMillis();
        assertThat(waited).as("calls that waited the client's timeout, of %d in %d ms", 2 * IDS_PER_FAULT, faultMillis)
                .isLessThanOrEqualTo((int) allowed);
        assertThat(remoteKeys(firstId + 1, firstId + IDS_PER_FAULT)).as("nothing reached Redis").isZero();

        proxy.heal();
        long healedAt = System.nanoTime();
        long probe = firstId + 100;
        int probes = 0;
        while (remoteKeys(probe, probe) == 0) {
            assertThat(System.nanoTime() - healedAt).as("the remote level is written again within 30 s of the heal")
                    .isLessThan(Duration.ofSeconds(30).toNanos());
            probe++;
            probes++;
            UserService.insert(jdbc, probe, "user-" + probe);
            assertThat(service.get(probe).name()).isEqualTo("user-" + probe);
            pause(50);
        }
        long recoveredMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healedAt);
        assertRemoteLevelInUse(firstId + 500);
        System.out.printf("netfault cache %s (%s): %d calls during the fault in %d ms, %d waited the %d ms timeout, "
                        + "%d loader calls; remote level written again %d ms after the heal (%d probe reads)%n",
                name, getClass().getSimpleName(), 2 * IDS_PER_FAULT, faultMillis, waited, TIMEOUT.toMillis(),
                IDS_PER_FAULT, recoveredMs, probes);
    }

    /** A load writes Redis (seen directly), and a read without the local copy is answered by Redis, not the loader. */
    private void assertRemoteLevelInUse(long id) {
        UserService.insert(jdbc, id, "user-" + id);
        int loads = service.loads();
        assertThat(service.get(id).name()).isEqualTo("user-" + id);
        assertThat(service.loads()).isEqualTo(loads + 1);
        assertThat(remoteKeys(id, id)).as("the load was written to Redis").isEqualTo(1);
        CacheAcrossInstancesContract.invalidateOnly(context, "userCache", id);
        assertThat(service.get(id).name()).isEqualTo("user-" + id);
        assertThat(service.loads()).as("answered by the remote level").isEqualTo(loads + 1);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** How many of the ids [from, to] have a userCache key in Redis, read directly (not through the proxy). */
    private long remoteKeys(long from, long to) {
        long found = 0;
        String prefix = keyPrefix() + "userCache";
        for (String key : direct.getKeys().getKeysByPattern(prefix + "*")) {
            String tail = key.substring(prefix.length()).replaceAll("\\D", "");
            if (!tail.isEmpty() && Long.parseLong(tail) >= from && Long.parseLong(tail) <= to) {
                found++;
            }
        }
        return found;
    }
}
