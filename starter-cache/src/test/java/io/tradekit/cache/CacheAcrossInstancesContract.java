package io.tradekit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.alicp.jetcache.Cache;
import com.alicp.jetcache.CacheManager;
import com.alicp.jetcache.CacheValueHolder;
import com.alicp.jetcache.RefreshCache;
import com.alicp.jetcache.support.JavaValueEncoder;
import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.cache.gadget.Outsider;
import io.tradekit.cache.gadget.SerializableOutsider;
import io.tradekit.cache.sample.CacheTestApplication;
import io.tradekit.cache.sample.UserDTO;
import io.tradekit.cache.sample.UserService;
import io.tradekit.cache.support.TradekitCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.codec.JsonJacksonCodec;
import org.redisson.codec.Kryo5Codec;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application contexts in one JVM ("instance A" and "instance B") sharing the dev-services
 * Redis and one H2 database, each with its own Caffeine level; the application's Redisson runs
 * with a JSON codec. Each subclass picks the remote level's client of each instance
 * ({@code tradekit.cache.remote.client}); every guarantee is checked on each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CacheAcrossInstancesContract {

    /** Extra properties of instance A (e.g. its remote client). */
    abstract String[] propertiesOfA();

    /** Extra properties of instance B. */
    abstract String[] propertiesOfB();

    /** The class of the remote level's caches on instance A and on B. */
    abstract Class<?>[] remoteCacheClasses();

    static String[] with(String[] base, String... extra) {
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** A key prefix and database of each subclass's own: the subclasses run one after the other in one JVM and one Redis. */
    private final String prefix = "tradekit:cache:" + getClass().getSimpleName() + ":";
    private final String[] isolation = {"tradekit.cache.key-prefix=" + prefix,
            "spring.datasource.url=jdbc:h2:mem:" + getClass().getSimpleName() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000"};

    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private JdbcTemplate jdbc;
    private UserService onA;
    private UserService onB;

    @BeforeAll
    void startTwoInstances() {
        a = new SpringApplicationBuilder(CacheTestApplication.class)
                .properties(with(with(CacheTestApplication.properties("a"), isolation), propertiesOfA())).run();
        b = new SpringApplicationBuilder(CacheTestApplication.class)
                .properties(with(with(CacheTestApplication.properties("b"), isolation), propertiesOfB())).run();
        jdbc = a.getBean(JdbcTemplate.class);
        UserService.createSchema(jdbc);
        onA = a.getBean(UserService.class);
        onB = b.getBean(UserService.class);
        // JetCache creates a cache on its first use: create userCache on both instances.
        onA.get(-1);
        onB.get(-1);
    }

    /**
     * Puts the row into the shared remote level directly, then lets A and B read it into their local
     * levels. No instance writes through the two-level cache here, so no broadcast is in flight
     * afterwards that could still remove a local copy the test is about to look at.
     */
    @SuppressWarnings("unchecked")
    private void warmBothWithoutBroadcast(long id, String name) {
        UserService.insert(jdbc, id, name);
        levels(a, "userCache")[1].PUT(id, UserService.row(jdbc, id), 60, TimeUnit.SECONDS);
        assertThat(onA.get(id).name()).isEqualTo(name);
        assertThat(onB.get(id).name()).isEqualTo(name);
    }

    @AfterAll
    void stop() {
        try {
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
        } finally {
            afterInstancesClosed();
        }
    }

    /** Runs once both instances are closed: a subclass stops the Redis it started, not while they still use it. */
    void afterInstancesClosed() {
    }

    /** Instance "a" or "b", for a subclass's own checks. */
    ConfigurableApplicationContext instance(String name) {
        return "a".equals(name) ? a : b;
    }

    /** Where the instances find Redis: the dev-services url, or a cluster's nodes. */
    private static String redisAddress(ConfigurableApplicationContext context) {
        String nodes = context.getEnvironment().getProperty("spring.data.redis.cluster.nodes");
        return nodes != null ? nodes : context.getEnvironment().getProperty("spring.data.redis.url");
    }

    @Test
    void bothInstancesShareOneRedisWhoseClientHasAJsonCodec() {
        assertThat(redisAddress(a)).isEqualTo(redisAddress(b)).isNotBlank();
        assertThat(a.getBean(RedissonClient.class).getConfig().getCodec()).isInstanceOf(JsonJacksonCodec.class);
    }

    @Test
    void eachInstanceRunsTheRemoteLevelOnItsClient() {
        assertThat(levels(a, "userCache")[1]).isInstanceOf(remoteCacheClasses()[0]);
        assertThat(levels(b, "userCache")[1]).isInstanceOf(remoteCacheClasses()[1]);
    }

    @Test
    void invalidationOnAReachesTheLocalCopyOnB() {
        int loadsOnB = onB.loads();
        warmBothWithoutBroadcast(1, "alice");
        assertThat(onB.get(1).name()).isEqualTo("alice");
        assertThat(onB.loads()).as("B never went to the database").isEqualTo(loadsOnB);
        assertThat(localCopy(b, "userCache", 1L)).as("B holds a local copy").isNotNull();

        onA.rename(1, "alicia");

        // The local expire is 10 minutes: only the broadcast can clear B's copy this soon.
        Poll.until(DEADLINE, () -> "alicia".equals(UserService.nameOf(onB.get(1))), "B sees the new name");
    }

    @Test
    void cacheUpdateOnAReplacesTheLocalCopyOnB() {
        UserService.insert(jdbc, 5, "eve");
        assertThat(onA.get(5).name()).isEqualTo("eve");
        assertThat(onB.get(5).name()).isEqualTo("eve");
        UserDTO old = onA.get(5);

        onA.save(new UserDTO(5, "eva", old.balance(), old.updatedAt(), old.roles(), old.level()));

        assertThat(onA.get(5).name()).isEqualTo("eva");
        Poll.until(DEADLINE, () -> "eva".equals(UserService.nameOf(onB.get(5))), "B sees the updated value");
    }

    @Test
    void aTransactionThatRollsBackInvalidatesNothing() {
        warmBothWithoutBroadcast(2, "bob");
        double removalsBefore = removals(a, "userCache");

        new TransactionTemplate(a.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
            onA.rename(2, "robert");
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("SELECT name FROM users WHERE id = 2", String.class)).isEqualTo("bob");
        assertThat(removals(a, "userCache")).as("no invalidation ran").isEqualTo(removalsBefore);
        assertThat(remoteCopy(a, "userCache", 2L)).as("the remote entry is still there").isNotNull();
        assertThat(localCopy(a, "userCache", 2L)).isNotNull();
        assertThat(localCopy(b, "userCache", 2L)).isNotNull();
    }

    @Test
    void aCommittedTransactionInvalidatesAfterTheCommitSoNobodyKeepsTheOldRow() throws Exception {
        UserService.insert(jdbc, 3, "carol");
        assertThat(onA.get(3).name()).isEqualTo("carol");
        double removalsBefore = removals(a, "userCache");
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        try {
            new TransactionTemplate(a.getBean(PlatformTransactionManager.class)).executeWithoutResult(status -> {
                onA.rename(3, "caroline");
                assertThat(removals(a, "userCache")).as("not yet: the transaction is open").isEqualTo(removalsBefore);
                assertThat(remoteCopy(a, "userCache", 3L)).isNotNull();
                // B reads now, from another connection: the committed row is still the old one, and B
                // caches it. Invalidating before the commit would leave this stale copy behind.
                invalidateOnly(b, "userCache", 3L);
                try {
                    UserDTO seenByB = otherThread.submit(() -> onB.get(3)).get(20, TimeUnit.SECONDS);
                    assertThat(seenByB.name()).isEqualTo("carol");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            otherThread.shutdownNow();
        }
        assertThat(removals(a, "userCache")).isEqualTo(removalsBefore + 1);
        assertThat(onA.get(3).name()).isEqualTo("caroline");
        Poll.until(DEADLINE, () -> "caroline".equals(UserService.nameOf(onB.get(3))), "B drops the copy it took during the transaction");
    }

    @Test
    void aThousandConcurrentMissesOnOneKeyLoadOncePerInstance() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        onA.slowGate(gate);
        onB.slowGate(gate);
        int callers = 1000;
        CountDownLatch arrived = new CountDownLatch(callers);
        List<Thread> threads = new ArrayList<>();
        List<String> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < callers; i++) {
            UserService target = i % 2 == 0 ? onA : onB;
            Thread thread = new Thread(() -> {
                arrived.countDown();
                try {
                    results.add(target.slow("hot"));
                } catch (Exception e) {
                    results.add("failed: " + e);
                }
            }, "miss-" + i);
            thread.start();
            threads.add(thread);
        }
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(onA.slowEntered(30, TimeUnit.SECONDS) || onB.slowEntered(30, TimeUnit.SECONDS)).isTrue();
        gate.countDown();
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        assertThat(results).hasSize(callers).containsOnly("value-of-hot");
        assertThat(onA.slowLoads()).as("loads on A").isLessThanOrEqualTo(1);
        assertThat(onB.slowLoads()).as("loads on B").isLessThanOrEqualTo(1);
        assertThat(onA.slowLoads() + onB.slowLoads()).isPositive();
    }

    @Test
    void aMissingRowIsCachedBrieflyThenSeenOnceCreated() {
        assertThat(onA.get(404)).isNull();
        int loads = onA.loads();
        assertThat(onA.get(404)).isNull();
        assertThat(onB.get(404)).isNull();
        assertThat(onA.loads()).as("the null was cached").isEqualTo(loads);

        UserService.insert(jdbc, 404, "late");
        // null-expire is 1 s in these tests: the row shows up once the cached null expires.
        Poll.until(DEADLINE, () -> "late".equals(UserService.nameOf(onA.get(404))), "A sees the created row");
    }

    @Test
    void aNullFoundInRedisIsKeptLocallyNoLongerThanNullExpire() {
        // As another instance's load leaves it: a cached null in Redis with one second to live.
        levels(a, "userCache")[1].PUT(405L, null, 1, TimeUnit.SECONDS);
        assertThat(levels(a, "userCache")[0].GET(405L).isSuccess()).as("not yet in A's local level").isFalse();
        int loads = onA.loads();
        assertThat(onA.get(405)).isNull();
        assertThat(onA.loads()).as("the null came from Redis").isEqualTo(loads);
        assertThat(levels(a, "userCache")[0].GET(405L).isSuccess()).as("copied into A's local level").isTrue();

        UserService.insert(jdbc, 405, "created-after");
        // The local expire is 60 s here; the copy must expire with the null, about a second from now.
        Poll.until(Duration.ofSeconds(5), () -> "created-after".equals(UserService.nameOf(onA.get(405))),
                "A sees the row created after a null it copied from Redis");
    }

    @Test
    void refreshingCachesStopRefreshingKeysNobodyReads() {
        onA.get(1);
        Cache<?, ?> face = a.getBean(CacheManager.class).getCache("default", "userCache");
        assertThat(face).isInstanceOf(TradekitCache.class);
        Cache<?, ?> target = ((TradekitCache<?, ?>) face).getTargetCache();
        assertThat(target).isInstanceOf(RefreshCache.class);
        assertThat(target.config().getRefreshPolicy().getRefreshMillis()).isEqualTo(30_000);
        assertThat(target.config().getRefreshPolicy().getStopRefreshAfterLastAccessMillis()).isEqualTo(300_000);
    }

    @Test
    void valuesOfClassesOffTheAllowListAreNeitherWrittenNorRead() throws Exception {
        RedissonClient redis = a.getBean(RedissonClient.class);
        UserService.insert(jdbc, 76, "legit");
        onA.get(76);
        assertThat(redis.getBucket(prefix + "userCache76", ByteArrayCodec.INSTANCE).isExists())
                .as("remote key layout: prefix + cache name + key").isTrue();

        int read = SerializableOutsider.READ.get();
        // 1. our header, but the value names a class off the list
        redis.getBucket(prefix + "userCache77", ByteArrayCodec.INSTANCE).set(forgedKryo(
                new CacheValueHolder<>(new Outsider(), 60_000)));
        // 2. JetCache's own Java-serialized format, which JetCache's decoders would read
        redis.getBucket(prefix + "userCache78", ByteArrayCodec.INSTANCE).set(
                new JavaValueEncoder(true).apply(new CacheValueHolder<>(new SerializableOutsider(), 60_000)));
        // 3. Redisson's Kryo codec, which JetCache falls back to on a CacheEncodeException
        redis.getBucket(prefix + "userCache79", new Kryo5Codec()).set(new CacheValueHolder<>(new Outsider(), 60_000));
        int constructed = Outsider.CONSTRUCTED.get(); // forging above constructed some, here in the test
        for (long id : new long[] {77, 78, 79}) {
            UserService.insert(jdbc, id, "real-" + id);
            assertThat(onB.get(id).name()).as("the loader answers for " + id).isEqualTo("real-" + id);
        }
        assertThat(Outsider.CONSTRUCTED.get()).as("no Outsider was created from Redis bytes").isEqualTo(constructed);
        assertThat(SerializableOutsider.READ.get()).as("nothing was Java-deserialized").isEqualTo(read);

        // Writing: the value is returned, but never reaches Redis; refusals are not Redis failures.
        for (long id = 5; id < 12; id++) {
            assertThat(onA.outsider(id).text()).isEqualTo("not allow-listed " + id);
            assertThat(redis.getBucket(prefix + "outsider" + id, ByteArrayCodec.INSTANCE).isExists()).isFalse();
        }
        assertThat(a.getBean(io.tradekit.cache.remote.RemoteBreaker.class).isOpen()).isFalse();
    }

    /** Bytes as our codec would write them, from a Kryo without the allow-list. */
    static byte[] forgedKryo(Object value) {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setDefaultSerializer(com.esotericsoftware.kryo.serializers.CompatibleFieldSerializer.class);
        try (Output output = new Output(256, -1)) {
            output.writeBytes(new byte[] {0x54, 0x4B, 0x4B, 0x35});
            kryo.writeClassAndObject(output, value);
            return output.toBytes();
        }
    }

    @Test
    void hostileAndOddArgumentsAreKeysNotCode() {
        for (String hostile : new String[] {"T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwned')",
                "#{7*7}", "'); redis.call('flushall'); --", "138\r\nINFO forged", "", " ", "x".repeat(10_000)}) {
            int loads = onA.keyLoads();
            assertThat(onA.byName(hostile)).isEqualTo("user:" + hostile);
            assertThat(onA.byName(hostile)).isEqualTo("user:" + hostile);
            assertThat(onA.keyLoads()).as("cached under its own text").isEqualTo(loads + 1);
        }
        // A null key is not cached (JetCache calls the method every time) and does not fail.
        int loads = onA.keyLoads();
        assertThat(onA.byName(null)).isEqualTo("user:null");
        assertThat(onA.byName(null)).isEqualTo("user:null");
        assertThat(onA.keyLoads()).isEqualTo(loads + 2);
    }

    @Test
    void metersCountHitsMissesAndLoadsByCacheNameNeverByKey() {
        UserService.insert(jdbc, 90, "meter-user-4711");
        onA.get(90);
        onA.get(90);
        MeterRegistry registry = a.getBean(MeterRegistry.class);
        assertThat(registry.get("tradekit.cache.gets").tag("cache", "userCache").tag("result", "hit").counter().count())
                .isPositive();
        assertThat(registry.get("tradekit.cache.gets").tag("cache", "userCache").tag("result", "miss").counter().count())
                .isPositive();
        assertThat(registry.get("tradekit.cache.loads").tag("cache", "userCache").tag("result", "success").timer().count())
                .isPositive();
        assertThat(registry.getMeters()).filteredOn(meter -> meter.getId().getName().startsWith("tradekit.cache"))
                .isNotEmpty().allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("4711") || tag.getValue().contains("90")));
    }

    private static double removals(ConfigurableApplicationContext context, String cache) {
        return context.getBean(MeterRegistry.class).get("tradekit.cache.removals").tag("cache", cache).counter().count();
    }

    /** The value in the instance's Caffeine level, without touching the remote one; null when absent. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object localCopy(ConfigurableApplicationContext context, String cache, Object key) {
        Cache[] levels = levels(context, cache);
        com.alicp.jetcache.CacheGetResult result = levels[0].GET(key);
        return result.isSuccess() ? java.util.Optional.ofNullable(result.getValue()) : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object remoteCopy(ConfigurableApplicationContext context, String cache, Object key) {
        Cache[] levels = levels(context, cache);
        com.alicp.jetcache.CacheGetResult result = levels[1].GET(key);
        return result.isSuccess() ? java.util.Optional.ofNullable(result.getValue()) : null;
    }

    /** Drops the instance's local copy only (as if it had never read the key). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void invalidateOnly(ConfigurableApplicationContext context, String cache, Object key) {
        levels(context, cache)[0].REMOVE(key);
    }

    @SuppressWarnings("rawtypes")
    static Cache[] levels(ConfigurableApplicationContext context, String cache) {
        Cache face = context.getBean(CacheManager.class).getCache("default", cache);
        return ((com.alicp.jetcache.MultiLevelCache) com.alicp.jetcache.CacheUtil.getAbstractCache(face)).caches();
    }
}
