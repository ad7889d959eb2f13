package io.tradekit.sample.nft.shared.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

    private static final long NOW = Instant.parse("2026-11-24T00:00:00Z").toEpochMilli();

    @Test
    void idsAreUniqueAndIncreasingPerThreadUnderContention() throws Exception {
        IdGenerator generator = new IdGenerator(() -> 7, System::currentTimeMillis, Duration.ofMillis(10));
        int threads = 8;
        int perThread = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<long[]> task = () -> {
                    long[] ids = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        ids[i] = generator.nextId();
                    }
                    return ids;
                };
                results.add(pool.submit(task));
            }
            Set<Long> all = new HashSet<>();
            for (Future<long[]> result : results) {
                long[] ids = result.get();
                for (int i = 0; i < ids.length; i++) {
                    assertThat(ids[i]).isPositive();
                    if (i > 0) {
                        assertThat(ids[i]).isGreaterThan(ids[i - 1]);
                    }
                    assertThat(IdGenerator.workerIdOf(ids[i])).isEqualTo(7);
                    all.add(ids[i]);
                }
            }
            assertThat(all).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void encodesTimestampWorkerAndSequence() {
        IdGenerator generator = new IdGenerator(() -> 1023, () -> NOW, Duration.ZERO);

        long first = generator.nextId();
        long second = generator.nextId();

        assertThat(IdGenerator.timestampOf(first)).isEqualTo(Instant.ofEpochMilli(NOW));
        assertThat(IdGenerator.workerIdOf(first)).isEqualTo(1023);
        assertThat(second - first).isEqualTo(1);
    }

    @Test
    void waitsForTheNextMillisecondWhenTheSequenceIsExhausted() {
        AtomicInteger reads = new AtomicInteger();
        // The clock stands still for 5,000 reads, then moves on by one millisecond.
        IdGenerator generator = new IdGenerator(() -> 3,
                () -> reads.incrementAndGet() <= 5_000 ? NOW : NOW + 1, Duration.ZERO);

        long previous = -1;
        for (int i = 0; i <= 4096; i++) {
            long id = generator.nextId();
            assertThat(id).isGreaterThan(previous);
            previous = id;
        }
        assertThat(IdGenerator.timestampOf(previous)).isEqualTo(Instant.ofEpochMilli(NOW + 1));
    }

    @Test
    void waitsOutASmallClockStepBack() {
        AtomicLong clock = new AtomicLong(NOW);
        AtomicInteger readsWhileBehind = new AtomicInteger();
        IdGenerator generator = new IdGenerator(() -> 1, () -> {
            long now = clock.get();
            if (now < NOW + 10) {
                // Behind: the clock catches up by one millisecond per read.
                readsWhileBehind.incrementAndGet();
                return clock.getAndIncrement();
            }
            return now;
        }, Duration.ofMillis(5));
        clock.set(NOW + 10);
        long before = generator.nextId();

        clock.set(NOW + 6); // 4 ms back: within the 5 ms that are waited out
        long after = generator.nextId();

        assertThat(after).isGreaterThan(before);
        assertThat(IdGenerator.timestampOf(after)).isEqualTo(Instant.ofEpochMilli(NOW + 10));
        assertThat(readsWhileBehind).hasValueGreaterThanOrEqualTo(4);
    }

    @Test
    void failsClearlyOnALargeClockStepBack() {
        AtomicLong clock = new AtomicLong(NOW + 1_000);
        IdGenerator generator = new IdGenerator(() -> 1, clock::get, Duration.ofMillis(5));
        long before = generator.nextId();

        clock.set(NOW);

        assertThatThrownBy(generator::nextId)
                .isInstanceOf(IdGenerator.ClockMovedBackwardsException.class)
                .hasMessageContaining("1000 ms");
        clock.set(NOW + 1_001);
        assertThat(generator.nextId()).isGreaterThan(before);
    }

    @Test
    void staysIncreasingWhenTheWorkerIdChangesWithinAMillisecond() {
        AtomicInteger worker = new AtomicInteger(900);
        AtomicInteger reads = new AtomicInteger();
        IdGenerator generator = new IdGenerator(worker::get, () -> reads.incrementAndGet() <= 3 ? NOW : NOW + 1,
                Duration.ZERO);
        long onHigherWorker = generator.nextId();

        worker.set(2);
        long onLowerWorker = generator.nextId();

        assertThat(onLowerWorker).isGreaterThan(onHigherWorker);
        assertThat(IdGenerator.workerIdOf(onLowerWorker)).isEqualTo(2);
    }

    @Test
    void refusesWorkerIdsOutsideTheRangeAndClocksBeforeTheEpoch() {
        assertThatThrownBy(() -> new IdGenerator(() -> 1024, () -> NOW, Duration.ZERO).nextId())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IdGenerator(() -> -1, () -> NOW, Duration.ZERO).nextId())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new IdGenerator(() -> 1, () -> 0L, Duration.ZERO).nextId())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside the id range");
        assertThatThrownBy(() -> new IdGenerator(() -> 1, () -> NOW, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdGenerator(() -> 1, () -> NOW, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdGenerator(null, () -> NOW, Duration.ZERO))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void propagatesAWorkerIdLeaseFailure() {
        IdGenerator generator = new IdGenerator(() -> {
            throw new IllegalStateException("No worker id is leased");
        }, () -> NOW, Duration.ZERO);

        assertThatThrownBy(generator::nextId).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No worker id");
    }
}
