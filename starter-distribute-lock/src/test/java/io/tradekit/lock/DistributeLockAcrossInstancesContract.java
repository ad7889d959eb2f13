package io.tradekit.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.core.error.CommonErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application contexts in one JVM ("instance A" and "instance B") sharing one Redis (standalone or
 * cluster, as the subclass says) and one H2 in-memory database.
 *
 * <p>One instance per class ({@code PER_CLASS}) so that the contexts can be built from the subclass's
 * {@link #redisProperties()}; the fields stay static because the helpers below are static, and the
 * classes of a module run one after the other.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DistributeLockAcrossInstancesContract {

    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static JdbcTemplate jdbc;

    /** Called once per class: where both instances find Redis, and any other property to append to theirs. */
    abstract String[] redisProperties();

    private static String[] properties(String name, String[] redis) {
        String[] own = LockTestApplication.properties(name);
        String[] all = java.util.Arrays.copyOf(own, own.length + redis.length);
        System.arraycopy(redis, 0, all, own.length, redis.length);
        return all;
    }

    @BeforeAll
    void startTwoInstances() {
        String[] redis = redisProperties();
        a = new SpringApplicationBuilder(LockTestApplication.class).properties(properties("a", redis)).run();
        b = new SpringApplicationBuilder(LockTestApplication.class).properties(properties("b", redis)).run();
        jdbc = a.getBean(JdbcTemplate.class);
        LockTestApplication.createSchema(jdbc);
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

    /** Runs once both instances are closed: a subclass stops the Redis it started here, not earlier. */
    void afterInstancesClosed() {
    }

    /** Instance "a" or "b". */
    static ConfigurableApplicationContext instance(String name) {
        return "a".equals(name) ? a : b;
    }

    @Test
    void bothInstancesShareOneRedisAndOneDatabase() {
        assertThat(a.getBean(RedissonClient.class).getConfig().isClusterConfig())
                .isEqualTo(b.getBean(RedissonClient.class).getConfig().isClusterConfig());
        RedissonClient onA = a.getBean(RedissonClient.class);
        onA.getBucket("tradekit:test:shared-check").set("from-a");
        assertThat(b.getBean(RedissonClient.class).getBucket("tradekit:test:shared-check").get()).isEqualTo("from-a");
        jdbc.update("MERGE INTO counter (id, val) KEY (id) VALUES ('shared-check', 7)");
        assertThat(b.getBean(JdbcTemplate.class).queryForObject("SELECT val FROM counter WHERE id = 'shared-check'",
                Integer.class)).isEqualTo(7);
    }

    @Test
    void lockedReadModifyWriteKeepsAll200UpdatesAcrossTwoInstances() throws Exception {
        int calls = runCounterWorkload("locked", LockedServices.CounterService::incrementLocked);
        assertThat(calls).isEqualTo(200);
        assertThat(counter("locked")).isEqualTo(200);
    }

    @Test
    void withoutTheLockTheSameWorkloadLosesUpdates() throws Exception {
        int succeeded = runCounterWorkload("unlocked", LockedServices.CounterService::incrementUnlocked);
        assertThat(succeeded).isPositive();
        assertThat(counter("unlocked")).isLessThan(succeeded);
    }

    /** 200 calls, alternating instances, from 8 threads; returns how many calls succeeded. */
    private int runCounterWorkload(String id, java.util.function.BiConsumer<LockedServices.CounterService, String> call)
            throws Exception {
        jdbc.update("MERGE INTO counter (id, val) KEY (id) VALUES (?, 0)", id);
        LockedServices.CounterService onA = a.getBean(LockedServices.CounterService.class);
        LockedServices.CounterService onB = b.getBean(LockedServices.CounterService.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                LockedServices.CounterService target = i % 2 == 0 ? onA : onB;
                futures.add(pool.submit(() -> call.accept(target, id)));
            }
            int succeeded = 0;
            for (Future<?> future : futures) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                    succeeded++;
                } catch (java.util.concurrent.ExecutionException e) {
                    // the unlocked control may hit H2 lock conflicts; they are counted as not succeeded
                }
            }
            return succeeded;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int counter(String id) {
        return jdbc.queryForObject("SELECT val FROM counter WHERE id = ?", Integer.class, id);
    }

    @Test
    void transactionHasCommittedBeforeTheNextHolderEnters() throws Exception {
        // One account per subclass: the ledger's entrant counts are static and the H2 database is shared.
        String account = "ordered-" + getClass().getSimpleName();
        runLedger(account, a, b);
        assertThat(LockedServices.LedgerService.VIOLATIONS.get(account)).isNull();
        assertThat(LockedServices.LedgerService.committedRows(account)).isEqualTo(6);
    }

    static void runLedger(String account, ConfigurableApplicationContext first, ConfigurableApplicationContext second)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                LockedServices.LedgerService target = (i % 2 == 0 ? first : second).getBean(LockedServices.LedgerService.class);
                futures.add(pool.submit(() -> target.append(account)));
            }
            for (Future<?> future : futures) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void waitTimeZeroFailsWithLockFailedWhileTheOtherInstanceHolds() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        whileBHolds("wait-zero", key -> assertThatThrownBy(() -> a.getBean(LockedServices.HoldService.class).tryOnce(key, ran))
                .isInstanceOfSatisfying(DistributeLockException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.LOCK_FAILED)));
        assertThat(ran).hasValue(0);
        a.getBean(LockedServices.HoldService.class).tryOnce("wait-zero", ran);
        assertThat(ran).as("free again once released").hasValue(1);
    }

    @Test
    void positiveWaitTimeFailsWithLockFailedWhileTheOtherInstanceHolds() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        whileBHolds("wait-200", key -> assertThatThrownBy(() -> a.getBean(LockedServices.HoldService.class).tryBriefly(key, ran))
                .isInstanceOfSatisfying(DistributeLockException.class,
                        e -> assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.LOCK_FAILED)));
        assertThat(ran).hasValue(0);
        assertThat(a.getBean(MeterRegistry.class).counter("tradekit.lock.failures", "scene", "HOLD", "reason", "timeout")
                .count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void defaultWaitBlocksUntilTheOtherInstanceReleases() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        Thread[] waiter = new Thread[1];
        whileBHolds("wait-default", key -> {
            waiter[0] = new Thread(() -> a.getBean(LockedServices.HoldService.class).waitForIt(key, entered));
            waiter[0].start();
            awaitParked(waiter[0]);
            LockedServices.pause(300);
            assertThat(waiter[0].isAlive()).isTrue();
            assertThat(entered.getCount()).as("still blocked while B holds").isEqualTo(1);
        });
        assertThat(entered.await(20, TimeUnit.SECONDS)).as("entered after B released").isTrue();
        waiter[0].join(20_000);
    }

    @Test
    void releasesTheLockAndKeepsTheMethodsOwnExceptionWhenTheMethodThrows() {
        LockedServices.HoldService service = a.getBean(LockedServices.HoldService.class);
        assertThatThrownBy(() -> service.fail("throws")).isInstanceOf(IOException.class)
                .hasMessage("the method's own failure");
        AtomicInteger ran = new AtomicInteger();
        b.getBean(LockedServices.HoldService.class).tryOnce("throws", ran);
        assertThat(ran).hasValue(1);
    }

    @Test
    void watchdogKeepsTheLockForSeveralWatchdogTimeouts() throws Exception {
        RedissonClient redisson = b.getBean(RedissonClient.class);
        RLock seenFromB = redisson.getLock("tradekit:lock:{HOLD#watchdog}");
        int lostBefore = lostEvents("HOLD");
        whileBHolds("watchdog", key -> {
            // Hold for 4 watchdog timeouts: without renewal the lease would have run out 3 times.
            LockedServices.pause(4 * LockTestApplication.WATCHDOG_TIMEOUT_MS);
            assertThat(seenFromB.isLocked()).isTrue();
            assertThat(seenFromB.remainTimeToLive()).isPositive().isLessThanOrEqualTo(LockTestApplication.WATCHDOG_TIMEOUT_MS);
            AtomicInteger ran = new AtomicInteger();
            assertThatThrownBy(() -> a.getBean(LockedServices.HoldService.class).tryOnce(key, ran))
                    .isInstanceOf(DistributeLockException.class);
            assertThat(ran).hasValue(0);
        });
        assertThat(seenFromB.isLocked()).isFalse();
        assertThat(lostEvents("HOLD")).isEqualTo(lostBefore);
    }

    @Test
    void fixedLeaseExpiresAndTheLateHoldersFencedWriteIsRejected(CapturedOutput output) throws Exception {
        String id = "13800138000";
        jdbc.update("MERGE INTO fenced (id, fence, val) KEY (id) VALUES (?, 0, 'init')", id);
        CountDownLatch aTokenTaken = new CountDownLatch(1);
        CountDownLatch aProceed = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<LockedServices.FencedService.Outcome> late = pool.submit(
                    () -> a.getBean(LockedServices.FencedService.class).write(id, "A", aTokenTaken, aProceed));
            assertThat(aTokenTaken.await(20, TimeUnit.SECONDS)).isTrue();
            // B blocks until A's 500 ms lease runs out, then takes the lock and writes.
            LockedServices.FencedService.Outcome later = b.getBean(LockedServices.FencedService.class)
                    .write(id, "B", new CountDownLatch(0), new CountDownLatch(0));
            aProceed.countDown();
            LockedServices.FencedService.Outcome stale = late.get(20, TimeUnit.SECONDS);

            assertThat(later.token()).isGreaterThan(stale.token());
            assertThat(later.rows()).isEqualTo(1);
            assertThat(stale.rows()).as("the late holder's fenced write is rejected").isZero();
            assertThat(jdbc.queryForObject("SELECT val FROM fenced WHERE id = ?", String.class, id)).isEqualTo("B");
        } finally {
            pool.shutdownNow();
        }
        List<DistributeLockLostEvent> lost = a.getBean(LockTestApplication.LostLocks.class).events.stream()
                .filter(e -> e.scene().equals("FENCED")).toList();
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0).watchdog()).isFalse();
        assertThat(lost.get(0).maskedKey()).startsWith("sha256:").doesNotContain(id);
        assertThat(a.getBean(MeterRegistry.class).counter("tradekit.lock.lost", "scene", "FENCED", "mode", "fixed-lease",
                "detected-by", lost.get(0).detectedBy().name().toLowerCase()).count()).isEqualTo(1);
        assertThat(output.getAll()).contains("FENCED#sha256:").doesNotContain(id);
    }

    @Test
    void metersAreTaggedBySceneAndNeverByKey() {
        a.getBean(LockedServices.KeyService.class).holdsLockNamed("meter-key-4711");
        MeterRegistry registry = a.getBean(MeterRegistry.class);
        assertThat(registry.get("tradekit.lock.wait").tag("scene", "KEY").tag("acquired", "true").timer().count())
                .isPositive();
        assertThat(registry.get("tradekit.lock.held").tag("scene", "KEY").timer().count()).isPositive();
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().contains("meter-key-4711")));
    }

    private static int lostEvents(String scene) {
        return (int) a.getBean(LockTestApplication.LostLocks.class).events.stream()
                .filter(e -> e.scene().equals(scene)).count();
    }

    /** Instance B holds HOLD#key while {@code body} runs, then releases. */
    private static void whileBHolds(String key, Consumer<String> body) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> b.getBean(LockedServices.HoldService.class).hold(key, entered, release));
        holder.start();
        try {
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            body.accept(key);
        } finally {
            release.countDown();
            holder.join(20_000);
        }
    }

    static void awaitParked(Thread thread) {
        for (int i = 0; i < 2000; i++) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            LockedServices.pause(5);
        }
        throw new IllegalStateException("thread never blocked: " + thread.getState());
    }

    @Test
    void annotatedKeysFromHostileArgumentsAreDataAndBadKeysFailClosed() {
        LockedServices.KeyService service = a.getBean(LockedServices.KeyService.class);
        for (String hostile : new String[] {"T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwned')",
                "#{7*7}", "'); redis.call('flushall'); --", "138\r\nINFO forged"}) {
            assertThat(service.holdsLockNamed(hostile)).as(hostile).isTrue();
        }
        assertThat(service.create(new LockedServices.KeyService.Request("order-9"))).isTrue();
        assertThat(service.fixedKeyWins("ignored")).isTrue();
        int runs = LockedServices.KeyService.RUNS.get();
        for (Runnable bad : new Runnable[] {() -> service.holdsLockNamed(null), () -> service.holdsLockNamed(" "),
                () -> service.holdsLockNamed("x".repeat(600)), () -> service.create(null),
                () -> service.create(new LockedServices.KeyService.Request(null))}) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(DistributeLockException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.PARAM_INVALID));
        }
        assertThat(LockedServices.KeyService.RUNS.get()).as("no bad call ran its method").isEqualTo(runs);
    }
}
