package io.tradekit.cache.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RemoteBreakerTests {

    @Test
    void opensAfterTheThresholdOfConsecutiveFailuresAndClosesOnSuccess() {
        RemoteBreaker breaker = new RemoteBreaker(3, Duration.ofHours(1));
        breaker.recordFailure();
        breaker.recordFailure();
        breaker.recordSuccess();
        breaker.recordFailure();
        breaker.recordFailure();
        assertThat(breaker.isOpen()).as("a success resets the count").isFalse();
        assertThat(breaker.allowsCall()).isTrue();
        breaker.recordFailure();
        assertThat(breaker.isOpen()).isTrue();
        assertThat(breaker.allowsCall()).isFalse();
        breaker.recordSuccess();
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allowsCall()).isTrue();
    }

    @Test
    void afterTheOpenPeriodExactlyOneOfManyConcurrentCallersTriesRedis() throws Exception {
        AtomicLong clock = new AtomicLong(1_000);
        RemoteBreaker breaker = new RemoteBreaker(1, Duration.ofSeconds(5), clock::get);
        breaker.recordFailure();
        assertThat(breaker.allowsCall()).as("within the open period").isFalse();
        clock.addAndGet(Duration.ofSeconds(5).toNanos());

        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < 64; i++) {
                pool.submit(() -> {
                    start.await();
                    if (breaker.allowsCall()) {
                        allowed.incrementAndGet();
                    }
                    return null;
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(allowed).as("one trial call per open period").hasValue(1);
        assertThat(breaker.isOpen()).as("still open until a call succeeds").isTrue();
    }

    @Test
    void aDisabledBreakerNeverOpens() {
        RemoteBreaker breaker = RemoteBreaker.disabled();
        for (int i = 0; i < 100; i++) {
            breaker.recordFailure();
        }
        assertThat(breaker.isOpen()).isFalse();
        assertThat(breaker.allowsCall()).isTrue();
    }
}
