package io.tradekit.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.fault.FaultProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Fault case 4 of issue 19 for the lock: holder A reaches the (JVM-shared dev) Redis through a {@link FaultProxy},
 * instance B directly. A takes a watchdog lock and its fencing token, then the network between A and Redis is
 * cut: the watchdog cannot renew, the lease runs out, B takes the lock with a higher token and writes; A's late
 * write, guarded by its token, is rejected. After the heal A reports the lost lock and locks again.
 */
@Tag("crash")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockLostToANetworkCutTests {

    private static final String LOCK_NAME = "tradekit:lock:{FENCED_WATCHDOG#%s}";

    private FaultProxy proxy;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private JdbcTemplate jdbc;

    @BeforeAll
    void start() {
        proxy = FaultProxy.start("127.0.0.1", DevServices.redis().port());
        List<String> behindProxy = new ArrayList<>(Arrays.asList(LockTestApplication.properties("cut-a")));
        behindProxy.add("tradekit.dev-services.redis.enabled=false");
        behindProxy.add("spring.data.redis.url=redis://127.0.0.1:" + proxy.port());
        // Bounded waits for the commands that meet the cut (Redisson's defaults retry for several seconds).
        behindProxy.add("spring.data.redis.timeout=500ms");
        behindProxy.add("spring.data.redis.connect-timeout=500ms");
        a = new SpringApplicationBuilder(LockTestApplication.class).properties(behindProxy.toArray(String[]::new)).run();
        b = new SpringApplicationBuilder(LockTestApplication.class).properties(LockTestApplication.properties("cut-b")).run();
        jdbc = b.getBean(JdbcTemplate.class);
        LockTestApplication.createSchema(jdbc);
    }

    @AfterAll
    void stop() {
        try {
            if (proxy != null) {
                proxy.heal(); // let A's client close cleanly
            }
            if (b != null) {
                b.close();
            }
            if (a != null) {
                a.close();
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    @Test
    void aCutHolderLosesItsLeaseAndItsFencedWriteIsRejected() throws Exception {
        String id = "cut-13900139000";
        jdbc.update("MERGE INTO fenced (id, fence, val) KEY (id) VALUES (?, 0, 'init')", id);
        RLock seenFromB = b.getBean(RedissonClient.class).getLock(String.format(LOCK_NAME, id));
        assertThat(a.getBean(RedissonClient.class).getConfig().useSingleServer().getAddress())
                .as("A reaches Redis only through the proxy").endsWith(":" + proxy.port());
        CountDownLatch aTokenTaken = new CountDownLatch(1);
        CountDownLatch aProceed = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<LockedServices.FencedService.Outcome> stale = pool.submit(() -> a.getBean(LockedServices.FencedService.class)
                    .writeUnderWatchdog(id, "A", aTokenTaken, aProceed));
            assertThat(aTokenTaken.await(20, TimeUnit.SECONDS)).as("A holds the lock and its token").isTrue();
            assertThat(seenFromB.isLocked()).isTrue();

            proxy.cut();
            long cutAt = System.nanoTime();
            // Watchdog timeout 1 s: without renewals the lease ends within it; 20 s bounds the wait, it claims no speed.
            poll(Duration.ofSeconds(20), () -> !seenFromB.isLocked(), "A's lease expired while A was cut off");
            long expiredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cutAt);

            LockedServices.FencedService.Outcome later = b.getBean(LockedServices.FencedService.class)
                    .writeUnderWatchdog(id, "B", new CountDownLatch(0), new CountDownLatch(0));
            assertThat(later.rows()).as("B's write").isEqualTo(1);

            proxy.heal();
            long healedAt = System.nanoTime();
            aProceed.countDown();
            LockedServices.FencedService.Outcome late = stale.get(30, TimeUnit.SECONDS);

            assertThat(later.token()).as("B's token is above the cut holder's").isGreaterThan(late.token());
            assertThat(late.rows()).as("A's late write, fenced by its stale token, is rejected").isZero();
            assertThat(jdbc.queryForObject("SELECT val FROM fenced WHERE id = ?", String.class, id)).isEqualTo("B");
            assertThat(jdbc.queryForObject("SELECT fence FROM fenced WHERE id = ?", Long.class, id)).isEqualTo(later.token());

            List<DistributeLockLostEvent> lost = a.getBean(LockTestApplication.LostLocks.class).events.stream()
                    .filter(e -> e.scene().equals("FENCED_WATCHDOG")).toList();
            assertThat(lost).as("A reports the lock it lost").hasSize(1);
            assertThat(lost.get(0).watchdog()).isTrue();

            // Recovery: A's client reconnects through the healed proxy and takes a lock again.
            AtomicInteger ran = new AtomicInteger();
            poll(Duration.ofSeconds(30), () -> tryOnce(ran), "A locks again after the heal");
            long recoveredAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healedAt);
            assertThat(proxy.refusedConnections()).as("A's reconnects during the cut were refused").isPositive();
            System.out.printf("netfault lock: lease gone %d ms after the cut; tokens A=%d B=%d; A's write rows=%d;"
                    + " A locked again %d ms after the heal; reconnects refused during the cut: %d%n", expiredAfterMs,
                    late.token(), later.token(), late.rows(), recoveredAfterMs, proxy.refusedConnections());
        } finally {
            aProceed.countDown();
            pool.shutdownNow();
        }
    }

    private boolean tryOnce(AtomicInteger ran) {
        try {
            a.getBean(LockedServices.HoldService.class).tryOnce("after-heal", ran);
            return ran.get() > 0;
        } catch (DistributeLockException e) {
            return false; // still reconnecting
        }
    }

    private static void poll(Duration bound, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within the bound of this wait (" + bound + "): " + what);
            }
            LockedServices.pause(20);
        }
    }
}
