package io.tradekit.sample.nft.shared.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.sample.nft.SampleAppTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;

/** Worker id leases against the real Redis of the dev services. */
@SampleAppTest
class WorkerIdHolderTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration RENEW = Duration.ofSeconds(10);

    @Autowired
    RedissonClient redisson;

    @Autowired
    WorkerIdHolder appHolder;

    @Autowired
    IdGenerator appIds;

    private final String prefix = "test:worker:" + UUID.randomUUID() + ":";
    private final List<WorkerIdHolder> opened = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void closeHolders() {
        opened.forEach(WorkerIdHolder::close);
        redisson.getKeys().deleteByPattern(prefix + "*");
    }

    @Test
    void twoHoldersStartedConcurrentlyGetDifferentIds() throws Exception {
        for (int round = 0; round < 20; round++) {
            WorkerIdHolder first = holder();
            WorkerIdHolder second = holder();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = pool.submit(() -> awaitThen(go, first::start));
                Future<?> b = pool.submit(() -> awaitThen(go, second::start));
                go.countDown();
                a.get(10, TimeUnit.SECONDS);
                b.get(10, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(first.workerId()).isNotEqualTo(second.workerId()).isBetween(0, 1023);
            assertThat(second.workerId()).isBetween(0, 1023);
        }
    }

    @Test
    void everyIdIsLeasedOnceUnderConcurrentClaimsAndTheNextClaimFailsClearly() throws Exception {
        List<WorkerIdHolder> holders = new ArrayList<>();
        for (int i = 0; i < WorkerIdHolder.WORKER_IDS; i++) {
            holders.add(holder());
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> starts = new ArrayList<>();
            for (WorkerIdHolder holder : holders) {
                starts.add(pool.submit(() -> awaitThen(go, holder::start)));
            }
            go.countDown();
            for (Future<?> start : starts) {
                start.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Integer> ids = new HashSet<>();
        holders.forEach(holder -> ids.add(holder.workerId()));
        assertThat(ids).hasSize(WorkerIdHolder.WORKER_IDS);

        WorkerIdHolder oneTooMany = holder();
        assertThatThrownBy(oneTooMany::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("All 1024 worker ids");

        WorkerIdHolder released = holders.get(17);
        int freed = released.workerId();
        released.close();
        WorkerIdHolder successor = holder();
        successor.start();
        assertThat(successor.workerId()).isEqualTo(freed);
    }

    @Test
    void closeReleasesOnlyItsOwnLease() {
        WorkerIdHolder holder = holder();
        holder.start();
        String key = prefix + holder.workerId();
        assertThat(redisson.getBucket(key, StringCodec.INSTANCE).isExists()).isTrue();

        holder.close();

        assertThat(redisson.getBucket(key, StringCodec.INSTANCE).isExists()).isFalse();
        assertThatThrownBy(holder::workerId).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(holder::start).isInstanceOf(IllegalStateException.class);

        WorkerIdHolder other = holder();
        other.start();
        String otherKey = prefix + other.workerId();
        redisson.getBucket(otherKey, StringCodec.INSTANCE).set("someone-else");
        other.close();
        assertThat(redisson.<String>getBucket(otherKey, StringCodec.INSTANCE).get()).isEqualTo("someone-else");
    }

    @Test
    void renewalExtendsTheLeaseAndALostLeaseIsReplacedByAFreeId() {
        WorkerIdHolder holder = holder();
        holder.start();
        int id = holder.workerId();
        String key = prefix + id;
        redisson.getBucket(key, StringCodec.INSTANCE).expire(Duration.ofSeconds(2));

        assertThat(holder.renew()).isTrue();
        assertThat(holder.workerId()).isEqualTo(id);
        assertThat(redisson.getBucket(key, StringCodec.INSTANCE).remainTimeToLive()).isGreaterThan(2_000);

        // The key expired and another instance took the id meanwhile.
        redisson.getBucket(key, StringCodec.INSTANCE).set("another-instance");
        assertThat(holder.renew()).isTrue();

        assertThat(holder.workerId()).isNotEqualTo(id);
        assertThat(redisson.<String>getBucket(key, StringCodec.INSTANCE).get()).isEqualTo("another-instance");
    }

    @Test
    void anExpiredButUntakenLeaseIsRetakenByItsOwner() {
        WorkerIdHolder holder = holder();
        holder.start();
        int id = holder.workerId();
        redisson.getBucket(prefix + id, StringCodec.INSTANCE).delete();

        assertThat(holder.renew()).isTrue();

        assertThat(holder.workerId()).isEqualTo(id);
        assertThat(redisson.getBucket(prefix + id, StringCodec.INSTANCE).isExists()).isTrue();
    }

    @Test
    void aLeaseNotRenewedForItsWholeTtlIsRefusedUntilRenewedAgain() {
        AtomicLong nanos = new AtomicLong();
        WorkerIdHolder holder = new WorkerIdHolder(redisson, prefix, TTL, RENEW, nanos::get);
        opened.add(holder);
        holder.start();
        int id = holder.workerId();

        nanos.addAndGet(TTL.toNanos() - 1);
        assertThat(holder.workerId()).isEqualTo(id);
        nanos.addAndGet(2);
        assertThatThrownBy(holder::workerId).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not renewed");
        IdGenerator ids = new IdGenerator(holder, Duration.ZERO);
        assertThatThrownBy(ids::nextId).isInstanceOf(IllegalStateException.class);

        assertThat(holder.renew()).isTrue();
        assertThat(holder.workerId()).isEqualTo(id);
        assertThat(IdGenerator.workerIdOf(ids.nextId())).isEqualTo(id);
    }

    @Test
    void refusesToAnswerBeforeStartAndRejectsBadSettings() {
        assertThatThrownBy(holder()::workerId).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No worker id");
        assertThatThrownBy(() -> new WorkerIdHolder(redisson, " ", TTL, RENEW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerIdHolder(redisson, null, TTL, RENEW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerIdHolder(redisson, prefix, Duration.ofMillis(999), Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerIdHolder(redisson, prefix, TTL, Duration.ofSeconds(15)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerIdHolder(redisson, prefix, TTL, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerIdHolder(null, prefix, TTL, RENEW))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theApplicationGeneratesIdsOnItsLeasedWorkerId() {
        long first = appIds.nextId();
        long second = appIds.nextId();

        assertThat(second).isGreaterThan(first).isPositive();
        assertThat(IdGenerator.workerIdOf(first)).isEqualTo(appHolder.workerId());
        assertThat(redisson.getBucket("sample:id:worker:" + appHolder.workerId(), StringCodec.INSTANCE).isExists())
                .isTrue();
    }

    private WorkerIdHolder holder() {
        WorkerIdHolder holder = new WorkerIdHolder(redisson, prefix, TTL, RENEW);
        opened.add(holder);
        return holder;
    }

    private static void awaitThen(CountDownLatch go, Runnable action) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        action.run();
    }
}
