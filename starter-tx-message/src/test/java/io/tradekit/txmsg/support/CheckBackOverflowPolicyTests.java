package io.tradekit.txmsg.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CheckBackOverflowPolicyTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong(1_000);
    private final CheckBackOverflowPolicy policy =
            new CheckBackOverflowPolicy(new TxMessageMetrics(registry), 100, now::get);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(CheckBackOverflowPolicy.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    @Test
    void aFullPoolDropsTheOverflowCountsItAndRunsEverythingAccepted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2),
                policy);
        try {
            pool.execute(() -> {
                await(release);
                ran.incrementAndGet();
            });
            for (int i = 0; i < 7; i++) {
                pool.execute(ran::incrementAndGet); // two queue, five are dropped
            }
            assertThat(policy.dropped()).isEqualTo(5);
            assertThat(registry.counter("tradekit.txmsg.check.dropped").count()).isEqualTo(5.0);
            release.countDown();
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ran.get()).isEqualTo(3);
    }

    @Test
    void warnsAtMostOncePerIntervalWithTheCountSinceTheLastWarning() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        try {
            policy.rejectedExecution(() -> { }, pool);
            policy.rejectedExecution(() -> { }, pool);
            policy.rejectedExecution(() -> { }, pool);
            now.addAndGet(100);
            policy.rejectedExecution(() -> { }, pool);
        } finally {
            pool.shutdown();
        }
        assertThat(logs.list).hasSize(2).allMatch(e -> e.getLevel() == Level.WARN);
        assertThat(logs.list.get(0).getFormattedMessage()).startsWith("1 check-back(s) dropped");
        assertThat(logs.list.get(1).getFormattedMessage()).startsWith("3 check-back(s) dropped");
        assertThat(policy.dropped()).isEqualTo(4);
    }

    @Test
    void worksWithoutAMeterRegistryAndRefusesANonPositiveInterval() {
        CheckBackOverflowPolicy quiet = new CheckBackOverflowPolicy(new TxMessageMetrics(null), 1, System::nanoTime);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
        try {
            quiet.rejectedExecution(() -> { }, pool);
        } finally {
            pool.shutdown();
        }
        assertThat(quiet.dropped()).isEqualTo(1);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CheckBackOverflowPolicy(new TxMessageMetrics(null), 0, System::nanoTime))
                .withMessageContaining("warnIntervalNanos");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
