package io.tradekit.stock;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The fingerprint table: newest first, exact per command identity, safe under concurrent writers. */
class RecentDeductionsTests {

    @Test
    void aBucketKeepsItsFourNewestAndARepeatTakesNoSecondSlot() {
        RecentDeductions one = new RecentDeductions(1);
        List<StockCommand> commands = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            commands.add(new StockCommand("item", "buyer", "order-" + i, 1));
        }
        commands.forEach(one::remember);
        assertThat(one.contains(commands.get(0))).isFalse();
        assertThat(commands.subList(1, 5)).allMatch(one::contains);
        one.remember(commands.get(4));
        assertThat(commands.subList(1, 5)).allMatch(one::contains);
    }

    @Test
    void everyPartOfTheCommandCounts() {
        RecentDeductions table = new RecentDeductions(1 << 16);
        table.remember(new StockCommand("item", "buyer", "order", 2));
        assertThat(table.contains(new StockCommand("item", "buyer", "order", 2))).isTrue();
        assertThat(table.contains(new StockCommand("item", "buyer", "order", 1))).isFalse();
        assertThat(table.contains(new StockCommand("item", "buyer-2", "order", 2))).isFalse();
        assertThat(table.contains(new StockCommand("item", "buyer", "order-2", 2))).isFalse();
        assertThat(table.contains(new StockCommand("item-2", "buyer", "order", 2))).isFalse();
    }

    @Test
    void concurrentWritersLoseNothingWhileBucketsHaveRoom() throws Exception {
        RecentDeductions table = new RecentDeductions(1 << 16);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 250; i++) {
                        table.remember(new StockCommand("item", "b" + thread, "o-" + i, 1));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // 2,000 entries in 65,536 four-way buckets: no bucket gets five (the fingerprints are deterministic).
        for (int t = 0; t < 8; t++) {
            for (int i = 0; i < 250; i++) {
                assertThat(table.contains(new StockCommand("item", "b" + t, "o-" + i, 1))).isTrue();
            }
        }
    }
}
