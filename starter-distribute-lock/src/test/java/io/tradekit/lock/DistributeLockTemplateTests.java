package io.tradekit.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.devservices.junit.WithDevServices;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

@WithDevServices
class DistributeLockTemplateTests {

    private static RedissonClient redisson;
    private static DistributeLockTemplate template;
    private static final List<DistributeLockListener.Failure> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void connect(RedisDevService redis) {
        Config config = new Config();
        config.useSingleServer().setAddress(redis.uri());
        redisson = Redisson.create(config);
        template = new DistributeLockTemplate(redisson, DistributeLockTemplate.Options.defaults(), new DistributeLockListener() {
            @Override
            public void onFailure(String scene, Failure failure) {
                failures.add(failure);
            }
        });
    }

    @AfterAll
    static void close() {
        template.close();
        redisson.shutdown();
    }

    @Test
    void runsTheActionUnderTheLockScenePrefixAndKey() {
        boolean held = template.execute("T", "k1", -1, -1,
                () -> redisson.getLock("tradekit:lock:{T#k1}").isHeldByCurrentThread());
        assertThat(held).isTrue();
        assertThat(redisson.getLock("tradekit:lock:{T#k1}").isLocked()).isFalse();
    }

    @Test
    void nullBlankAndOversizedKeysFailClosedAndTheActionNeverRuns() {
        AtomicInteger ran = new AtomicInteger();
        for (String key : new String[] {null, "", "   ", "\t\r\n", "x".repeat(513)}) {
            assertThatThrownBy(() -> template.execute("T", key, -1, -1, ran::incrementAndGet))
                    .isInstanceOfSatisfying(DistributeLockException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.PARAM_INVALID));
        }
        assertThat(ran).hasValue(0);
        assertThat(template.execute("T", "x".repeat(512), -1, -1, ran::incrementAndGet)).isEqualTo(1);
        assertThat(failures).contains(DistributeLockListener.Failure.INVALID_KEY);
    }

    @Test
    void hostileKeysAreDataInTheLockName() {
        String[] hostile = {"T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwned')", "#{'a'}", "${user.home}",
                "'); redis.call('flushall'); --", "k}{other", "13812345678\r\nINFO forged line"};
        redisson.getBucket("sentinel").set("still here");
        for (String key : hostile) {
            boolean held = template.execute("T", key, -1, 0,
                    () -> redisson.getLock("tradekit:lock:{T#" + key + "}").isHeldByCurrentThread());
            assertThat(held).as(key).isTrue();
        }
        assertThat(redisson.<String>getBucket("sentinel").get()).isEqualTo("still here");
    }

    @Test
    void invalidSceneLeaseWaitOrActionAreProgrammingErrors() {
        for (String scene : new String[] {null, "", "  ", "A{B", "A}B", "S".repeat(129), "A\r\nB"}) {
            assertThatIllegalArgumentException().isThrownBy(() -> template.execute(scene, "k", -1, -1, () -> 1));
        }
        assertThatIllegalArgumentException().isThrownBy(() -> template.execute("T", "k", 0, -1, () -> 1));
        assertThatIllegalArgumentException().isThrownBy(() -> template.execute("T", "k", -2, -1, () -> 1));
        assertThatIllegalArgumentException().isThrownBy(() -> template.execute("T", "k", -1, -2, () -> 1));
        assertThatNullPointerException().isThrownBy(() -> template.execute("T", "k", -1, -1, null));
    }

    @Test
    void aSpecBuiltOnceRunsWithoutReCheckAndItsCallsFailClosedOnBadInput() {
        DistributeLockSpec spec = new DistributeLockSpec("SPEC", DistributeLockConstant.DEFAULT_EXPIRE_TIME, 0);
        assertThat(template.execute(spec, "k", () -> redisson.getLock("tradekit:lock:{SPEC#k}").isHeldByCurrentThread()))
                .isTrue();
        assertThat(redisson.getLock("tradekit:lock:{SPEC#k}").isLocked()).isFalse();
        AtomicInteger ran = new AtomicInteger();
        assertThatNullPointerException().isThrownBy(() -> template.execute((DistributeLockSpec) null, "k", ran::incrementAndGet))
                .withMessage("spec");
        assertThatNullPointerException().isThrownBy(() -> template.execute(spec, "k", null)).withMessage("action");
        for (String key : new String[] {null, "", " \r\n", "x".repeat(513), "x".repeat(1_000_000)}) {
            assertThatThrownBy(() -> template.execute(spec, key, ran::incrementAndGet))
                    .isInstanceOfSatisfying(DistributeLockException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.PARAM_INVALID))
                    .hasMessageNotContaining("xxxx");
        }
        String hostile = "'); redis.call('flushall'); --\r\nINFO forged";
        assertThat(template.execute(spec, hostile,
                () -> redisson.getLock("tradekit:lock:{SPEC#" + hostile + "}").isHeldByCurrentThread())).isTrue();
        assertThat(ran).as("no bad call ran its action").hasValue(0);
    }

    @Test
    void fencingTokensGrowWithEachAcquisitionAndStayWithinOne() {
        long first = template.execute("F", "grow", -1, -1, () -> {
            long token = DistributeLockContext.fencingToken();
            assertThat(DistributeLockContext.fencingToken()).isEqualTo(token);
            return token;
        });
        long second = template.execute("F", "grow", 1000, -1, DistributeLockContext::fencingToken);
        assertThat(first).isPositive();
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void fencingTokensStayMonotonicAfterTheirCounterExpired() throws Exception {
        DistributeLockTemplate shortFence = new DistributeLockTemplate(redisson, new DistributeLockTemplate.Options(
                "tradekit:lock:", null, 512, Duration.ZERO, Duration.ofMillis(50)), new DistributeLockListener() { });
        try {
            long first = shortFence.execute("F", "expiring", -1, -1, DistributeLockContext::fencingToken);
            for (int i = 0; i < 200 && redisson.getBucket("tradekit:lock:{F#expiring}:fence").isExists(); i++) {
                Thread.sleep(10);
            }
            assertThat(redisson.getBucket("tradekit:lock:{F#expiring}:fence").isExists()).isFalse();
            long second = shortFence.execute("F", "expiring", -1, -1, DistributeLockContext::fencingToken);
            assertThat(second).isGreaterThan(first);
        } finally {
            shortFence.close();
        }
    }

    @Test
    void nestedLocksHaveTheirOwnTokensAndTheContextUnwinds() {
        assertThat(DistributeLockContext.depth()).isZero();
        assertThatIllegalStateException().isThrownBy(DistributeLockContext::fencingToken);
        template.execute("OUTER", "n", -1, -1, () -> {
            long outer = DistributeLockContext.fencingToken();
            template.execute("INNER", "n", -1, -1, () -> {
                assertThat(DistributeLockContext.depth()).isEqualTo(2);
                assertThat(DistributeLockContext.fencingToken("OUTER")).isEqualTo(outer);
                assertThat(DistributeLockContext.fencingToken()).isEqualTo(DistributeLockContext.fencingToken("INNER"));
                return null;
            });
            // re-entering the same lock is allowed (Redisson locks are reentrant) and fences anew
            long reentered = template.execute("OUTER", "n", -1, 0, DistributeLockContext::fencingToken);
            assertThat(reentered).isGreaterThan(outer);
            assertThat(DistributeLockContext.depth()).isEqualTo(1);
            return null;
        });
        assertThat(DistributeLockContext.depth()).isZero();
        assertThatIllegalStateException().isThrownBy(() -> DistributeLockContext.fencingToken("OUTER"));
    }

    @Test
    void interruptedWaiterFailsWithLockFailedAndKeepsItsInterruptFlag() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> template.execute("I", "k", -1, -1, () -> {
            held.countDown();
            LockedServices.await(release);
            return null;
        }));
        holder.start();
        assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        AtomicBoolean ran = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                template.execute("I", "k", -1, -1, () -> ran.getAndSet(true));
            } catch (Throwable e) {
                thrown.set(e);
            }
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        DistributeLockAcrossInstancesTests.awaitParked(waiter);
        waiter.interrupt();
        waiter.join(20_000);
        release.countDown();
        holder.join(20_000);
        assertThat(thrown.get()).isInstanceOfSatisfying(DistributeLockException.class,
                e -> assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.LOCK_FAILED));
        assertThat(interruptedAfter).isTrue();
        assertThat(ran).isFalse();
    }

    @Test
    void anInterruptedHolderStillReleasesItsLock() {
        try {
            template.execute("I", "released", -1, -1, () -> {
                Thread.currentThread().interrupt();
                return null;
            });
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(redisson.getLock("tradekit:lock:{I#released}").isLocked()).isFalse();
    }

    @Test
    void actionExceptionsPassThroughAndTheLockIsReleased() {
        assertThatThrownBy(() -> template.execute("E", "k", -1, -1, () -> {
            throw new IllegalStateException("own failure");
        })).isInstanceOf(IllegalStateException.class).hasMessage("own failure");
        assertThat(redisson.getLock("tradekit:lock:{E#k}").isLocked()).isFalse();
    }

    @Test
    void redisUnreachableAtAcquireFailsTypedWithinABoundAndTheActionNeverRuns() {
        RedisDevService other = RedisDevService.start(RedisSettings.DEFAULTS);
        Config config = new Config();
        config.useSingleServer().setAddress(other.uri()).setTimeout(300).setConnectTimeout(300)
                .setRetryAttempts(1).setRetryDelay(new org.redisson.config.ConstantDelay(Duration.ofMillis(100)));
        RedissonClient doomed = Redisson.create(config);
        List<DistributeLockListener.Failure> seen = new ArrayList<>();
        DistributeLockTemplate downTemplate = new DistributeLockTemplate(doomed, DistributeLockTemplate.Options.defaults(),
                new DistributeLockListener() {
                    @Override
                    public void onFailure(String scene, Failure failure) {
                        seen.add(failure);
                    }
                });
        try {
            other.close();
            AtomicBoolean ran = new AtomicBoolean();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
                    () -> downTemplate.execute("DOWN", "k", -1, -1, () -> ran.getAndSet(true)))
                    .isInstanceOfSatisfying(DistributeLockException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.SERVICE_UNAVAILABLE)));
            assertThat(ran).isFalse();
            assertThat(seen).containsExactly(DistributeLockListener.Failure.REDIS_ERROR);
        } finally {
            downTemplate.close();
            doomed.shutdown(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLockLostWhileItsHolderRunsIsReportedOnceByTheLeaseCheck() throws Exception {
        List<DistributeLockLostEvent> lost = new java.util.concurrent.CopyOnWriteArrayList<>();
        DistributeLockTemplate checked = new DistributeLockTemplate(redisson, new DistributeLockTemplate.Options(
                "tradekit:lock:", null, 512, Duration.ofMillis(100), Duration.ofDays(1)), new DistributeLockListener() {
                    @Override
                    public void onLockLost(DistributeLockLostEvent event) {
                        lost.add(event);
                    }
                });
        try {
            checked.execute("LOST", "13912345678", -1, -1, () -> {
                // what a watchdog that cannot renew ends in: the lock disappears under its holder
                redisson.getKeys().delete("tradekit:lock:{LOST#13912345678}");
                for (int i = 0; i < 400 && lost.isEmpty(); i++) {
                    LockedServices.pause(10);
                }
                assertThatThrownBy(DistributeLockContext::fencingToken).isInstanceOf(DistributeLockException.class);
                return null;
            });
        } finally {
            checked.close();
        }
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0).detectedBy()).isEqualTo(DistributeLockLostEvent.Detection.LEASE_CHECK);
        assertThat(lost.get(0).watchdog()).isTrue();
        assertThat(lost.get(0).maskedKey()).doesNotContain("13912345678");
    }

    @Test
    void theConfiguredDefaultWaitAppliesToWaitTimeMinusOne() throws Exception {
        DistributeLockTemplate impatient = new DistributeLockTemplate(redisson, new DistributeLockTemplate.Options(
                "tradekit:lock:", Duration.ZERO, 512, Duration.ZERO, Duration.ofDays(1)), new DistributeLockListener() { });
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> template.execute("W", "k", -1, -1, () -> {
            held.countDown();
            LockedServices.await(release);
            return null;
        }));
        holder.start();
        try {
            assertThat(held.await(20, TimeUnit.SECONDS)).isTrue();
            AtomicBoolean ran = new AtomicBoolean();
            assertThatThrownBy(() -> impatient.execute("W", "k", -1, DistributeLockConstant.DEFAULT_WAIT_TIME,
                    () -> ran.getAndSet(true))).isInstanceOfSatisfying(DistributeLockException.class,
                    e -> assertThat(e.getErrorCode()).isEqualTo(CommonErrorCode.LOCK_FAILED));
            assertThat(ran).isFalse();
        } finally {
            release.countDown();
            holder.join(20_000);
            impatient.close();
        }
    }
}
