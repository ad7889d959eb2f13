package io.tradekit.core.degrade;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

class ServerBreakerTest {

    private static final Predicate<Throwable> IO_FAULT = e -> e instanceof UncheckedIOException;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private ServerBreakers breakers;

    @BeforeEach
    void setUp() {
        log.start();
        ((Logger) LoggerFactory.getLogger(ServerBreakers.class)).addAppender(log);
        BreakerSettings settings = new BreakerSettings();
        settings.setMinimumCalls(4);
        settings.setWindowSize(4);
        settings.setOpenDuration(Duration.ofMillis(300));
        settings.setHalfOpenCalls(1);
        settings.setReportInterval(Duration.ofMillis(200));
        breakers = new ServerBreakers(settings);
    }

    @AfterEach
    void tearDown() {
        breakers.close();
        ((Logger) LoggerFactory.getLogger(ServerBreakers.class)).detachAppender(log);
    }

    @Test
    void opensAfterServerFaultsThenRefusesWithoutCallingTheServer() {
        ServerBreaker breaker = breakers.breaker("redis");
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> breaker.call(() -> fault(attempts), IO_FAULT))
                    .isInstanceOf(UncheckedIOException.class);
        }
        assertThat(breaker.state()).isEqualTo("OPEN");
        assertThat(breaker.isOpen()).isTrue();

        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> breaker.call(() -> fault(attempts), IO_FAULT))
                    .isInstanceOfSatisfying(ServerUnavailableException.class, refused -> {
                        assertThat(refused.isRefused()).isTrue();
                        assertThat(refused.getCode()).isEqualTo("SERVICE_UNAVAILABLE");
                        assertThat(refused.getRetryAfterSeconds()).isEqualTo(1);
                        assertThat(refused.getServer()).isEqualTo("redis");
                    });
        }
        assertThat(attempts).hasValue(4);
        assertThat(breaker.refusedCalls()).isEqualTo(100);
        assertThat(breakers.breaker("redis")).isSameAs(breaker);
    }

    @Test
    void failuresThatAreNotServerFaultsNeverOpenIt() {
        ServerBreaker breaker = breakers.breaker("redis");
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> breaker.call(() -> {
                throw new IllegalArgumentException("stock missing");
            }, IO_FAULT)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(breaker.state()).isEqualTo("CLOSED");
    }

    @Test
    void closesAgainWhenTheServerAnswersAProbeAndLogsOneLinePerChangePlusBoundedCounts() throws Exception {
        ServerBreaker breaker = breakers.breaker("redis");
        AtomicInteger attempts = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> breaker.call(() -> fault(attempts), IO_FAULT));
        }
        for (int i = 0; i < 500; i++) {
            assertThatThrownBy(() -> breaker.call(() -> "never", IO_FAULT))
                    .isInstanceOf(ServerUnavailableException.class);
        }
        // After open-duration the next call is a probe; the server answers, the breaker closes.
        String answer = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (answer == null) {
            try {
                answer = breaker.call(() -> "PONG", IO_FAULT);
            } catch (ServerUnavailableException stillOpen) {
                if (System.nanoTime() > deadline) {
                    fail("the breaker let no probe through within the bound of this wait (10 s)");
                }
                Thread.sleep(20);
            }
        }
        assertThat(answer).isEqualTo("PONG");
        assertThat(breaker.state()).isEqualTo("CLOSED");

        // 500+ refusals, yet: CLOSED->OPEN, OPEN->HALF_OPEN, HALF_OPEN->CLOSED and at most a few counts.
        long changes = log.list.stream().filter(e -> e.getFormattedMessage().contains(" -> ")).count();
        long counts = log.list.stream().filter(e -> e.getFormattedMessage().contains("calls refused since the last report")
                && !e.getFormattedMessage().contains(" -> ")).count();
        assertThat(changes).isEqualTo(3);
        assertThat(log.list).hasSizeLessThanOrEqualTo(3 + 60);
        assertThat(counts).isLessThanOrEqualTo(60);
        assertThat(log.list.stream().filter(e -> e.getFormattedMessage().contains("-> OPEN")).findFirst())
                .hasValueSatisfying(e -> assertThat(e.getFormattedMessage()).contains("'redis'", "Retry-After 1 s"));
        // Every refusal is counted once, either in a periodic line or in the closing line.
        long reported = log.list.stream().mapToLong(ServerBreakerTest::refusedIn).sum();
        assertThat(reported).isEqualTo(breaker.refusedCalls());
    }

    @Test
    void aDisabledBreakerRunsEveryCall() {
        BreakerSettings off = new BreakerSettings();
        off.setEnabled(false);
        try (ServerBreakers disabled = new ServerBreakers(off)) {
            ServerBreaker breaker = disabled.breaker("redis");
            AtomicInteger attempts = new AtomicInteger();
            for (int i = 0; i < 50; i++) {
                assertThatThrownBy(() -> breaker.call(() -> fault(attempts), IO_FAULT))
                        .isInstanceOf(UncheckedIOException.class);
            }
            assertThat(attempts).hasValue(50);
            assertThat(breaker.state()).isEqualTo("DISABLED");
        }
    }

    private static long refusedIn(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) calls refused since the last report")
                .matcher(message);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String fault(AtomicInteger attempts) {
        attempts.incrementAndGet();
        throw new UncheckedIOException(new IOException("Connection refused"));
    }
}
