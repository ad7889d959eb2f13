package io.tradekit.txmsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.fault.Direction;
import io.tradekit.devservices.fault.FaultProxy;
import io.tradekit.devservices.rocketmq.RocketMqDevService;
import io.tradekit.txmsg.support.RocketMqFaults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Network faults between the application and the broker, which stays up: the dev broker is advertised at a
 * {@link FaultProxy} (so the producer's sends, end-transactions and heartbeats, the broker's check-backs and the
 * consumer's pulls all cross it), while the name server is reached directly. The invariants, for every case: a
 * message reaches the consumer (one effect row) exactly when its local transaction row exists, never twice; a
 * send the caller saw fail never ran its local transaction. The broker checks half messages older than 1 s every
 * second (dev defaults); the undecided window is 2 s, the send timeout 1 s.
 */
class BrokerNetworkFaultTests {

    static final String TOPIC = "txmsg-netfault-orders";
    static final String SCENE = "NET_DEDUCT";
    static final Duration UNDECIDED_WINDOW = Duration.ofSeconds(2);
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(1);
    /** Marks an end-transaction request (the COMMIT/ROLLBACK of a send or the answer to a check-back). */
    static final String END_TRANSACTION_MARKER = "commitOrRollback";
    static final int MINIMUM_CALLS = 3;

    static FaultProxy proxy;
    static RocketMqDevService rocketMq;
    static ConfigurableApplicationContext app;

    /** The local transaction: a row in the application's database; the check-back looks for it. */
    static class LocalRowHandler implements LocalTransactionHandler<Deduct> {
        final JdbcTemplate jdbc;
        final Set<String> executed = ConcurrentHashMap.newKeySet();
        /** When (System.nanoTime) each check-back of an order came. */
        final Map<String, List<Long>> checks = new ConcurrentHashMap<>();
        /** Runs inside the local transaction after its row is written: a fault that starts mid-send. */
        volatile Runnable afterWrite = () -> { };

        LocalRowHandler(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String scene() {
            return SCENE;
        }

        @Override
        public TransactionOutcome execute(Deduct payload) {
            executed.add(payload.orderId());
            jdbc.update("INSERT INTO local_deduction (order_id) VALUES (?)", payload.orderId());
            afterWrite.run();
            return TransactionOutcome.COMMIT;
        }

        @Override
        public TransactionOutcome check(Deduct payload) {
            checks.computeIfAbsent(payload.orderId(), k -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
            return localRows(payload.orderId()) > 0 ? TransactionOutcome.COMMIT : TransactionOutcome.ROLLBACK;
        }

        int localRows(String orderId) {
            Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM local_deduction WHERE order_id = ?", Integer.class,
                    orderId);
            return n == null ? 0 : n;
        }

        List<Long> checksOf(String orderId) {
            return checks.getOrDefault(orderId, List.of());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        LocalRowHandler localRowHandler(JdbcTemplate jdbc) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS local_deduction (order_id VARCHAR(255))");
            return new LocalRowHandler(jdbc);
        }

        @Bean
        OrderConsumer orderConsumer(JdbcTemplate jdbc) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS order_effect (order_id VARCHAR(255), quantity INT)");
            return new OrderConsumer(TOPIC, "txmsg-netfault-consumer-" + UUID.randomUUID().toString().substring(0, 8),
                    jdbc);
        }
    }

    @BeforeAll
    static void startBehindTheProxy() {
        // Advertised before the application starts: its clients fetch the proxy's address with their first route.
        rocketMq = DevServices.rocketMq();
        rocketMq.createTopic(TOPIC);
        proxy = FaultProxy.start("127.0.0.1", rocketMq.brokerPort());
        rocketMq.advertiseBrokerAt(proxy.port());
        String id = UUID.randomUUID().toString().substring(0, 8);
        app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
                "tradekit.dev-services.rocketmq.enabled=true",
                "tradekit.dev-services.rocketmq.topics=" + TOPIC,
                "spring.datasource.url=jdbc:h2:mem:txmsg-netfault-" + id + ";MODE=MySQL;DB_CLOSE_DELAY=-1",
                "tradekit.txmsg.producer-group=txmsg-netfault-producer-" + id,
                "tradekit.txmsg.topics=" + TOPIC,
                "tradekit.txmsg.send-timeout=" + SEND_TIMEOUT.toMillis() + "ms",
                // A cut closes the producer's connection and the broker forgets the producer: its next
                // heartbeat (through the healed proxy) is what lets the check-backs reach it again.
                "tradekit.txmsg.heartbeat-interval=500ms",
                "tradekit.txmsg.check.undecided-window=" + UNDECIDED_WINDOW.toMillis() + "ms",
                "tradekit.txmsg.consumer.route-refresh-interval=1s",
                "tradekit.txmsg.idempotency.create-table=true",
                "tradekit.degrade.servers.rocketmq.minimum-calls=" + MINIMUM_CALLS,
                "tradekit.degrade.servers.rocketmq.window-size=" + MINIMUM_CALLS,
                "tradekit.degrade.servers.rocketmq.open-duration=1s",
                "tradekit.degrade.servers.rocketmq.half-open-calls=1").run();
        String warmUp = "warm-" + UUID.randomUUID();
        assertThat(send(warmUp).committed()).isTrue();
        await().atMost(Duration.ofSeconds(90)).until(() -> consumer().rows(warmUp) == 1);
        assertThat(proxy.acceptedConnections()).as("the application reaches the broker through the proxy").isPositive();
    }

    @AfterAll
    static void stop() {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (rocketMq != null) {
                rocketMq.advertiseBrokerAtItsOwnPort();
            }
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    @AfterEach
    void healAndProbe() {
        handler().afterWrite = () -> { };
        proxy.heal();
        awaitQuiet();
    }

    /**
     * Sends a probe until one commits and waits for its effect: its end-transaction (one-way, flushed after
     * the send returned) has then crossed the proxy, so a stall armed next cannot catch it instead of the
     * case's own (a stray COMMIT caught by {@code stallOn} held the producer's connection, and the case's
     * half message behind it timed out: seen once in a full run).
     */
    private static void awaitQuiet() {
        String probe = awaitSendsCommit("probe");
        await("the probe's effect, within the bound of this wait").atMost(Duration.ofSeconds(30))
                .until(() -> consumer().rows(probe) == 1);
    }

    /**
     * (a) Replies slower than the send timeout: the half message is stored, but its reply comes too late. The
     * caller gets SERVICE_UNAVAILABLE and the local transaction never ran; the broker's check-back (over the slow
     * link) finds no local row, answers UNKNOWN within the undecided window and ROLLBACK after it: nothing is
     * delivered and the broker stops asking.
     */
    @Test
    void aReplyLaterThanTheSendTimeoutLeavesAHalfMessageTheCheckBackRollsBack() {
        String order = "late-reply-" + UUID.randomUUID();
        proxy.latency(SEND_TIMEOUT.multipliedBy(2), Direction.DOWNSTREAM);
        long sentAt = System.nanoTime();
        Throwable failure = catchThrowable(() -> send(order));
        long failedAt = System.nanoTime();

        assertServerFault(failure);
        assertThat(handler().executed).as("a send the caller saw fail ran no local transaction").doesNotContain(order);
        // The half message was stored all the same: the broker asks about it, across the slow link.
        await("a check-back of the half message, within the bound of this wait").atMost(Duration.ofSeconds(30))
                .until(() -> !handler().checksOf(order).isEmpty());
        long firstCheckAt = handler().checksOf(order).get(0);
        proxy.heal();
        long healedAt = System.nanoTime();
        // A check answered after the undecided window is a final ROLLBACK; then the broker asks no more.
        long finalAfter = sentAt + UNDECIDED_WINDOW.toNanos() + TimeUnit.MILLISECONDS.toNanos(500);
        await("a check-back past the undecided window, within the bound of this wait").atMost(Duration.ofSeconds(30))
                .until(() -> handler().checksOf(order).stream().anyMatch(at -> at > finalAfter));
        // Check-backs already sent (each on a fresh copy of the half message, put back at every round) are
        // still answered after the final ROLLBACK; then the broker asks no more: four quiet check intervals.
        await("the broker stops asking, within the bound of this wait").atMost(Duration.ofSeconds(30))
                .until(() -> System.nanoTime() - last(handler().checksOf(order)) > TimeUnit.SECONDS.toNanos(4));
        long settledAt = last(handler().checksOf(order));
        int checks = handler().checksOf(order).size();
        assertThat(handler().localRows(order)).isZero();
        assertThat(consumer().rows(order)).as("never delivered").isZero();
        System.out.printf("BrokerNetworkFaultTests(a) late reply: send failed after %d ms (%s); first check-back "
                        + "%d ms after the send; last check-back (ROLLBACK) %d ms after the heal; %d check-backs in all%n",
                millis(sentAt, failedAt), failure.getCause().getClass().getSimpleName(), millis(sentAt, firstCheckAt),
                millis(healedAt, settledAt), checks);
    }

    /**
     * (a') The link turns slow while the local transaction runs: the half message was stored and the local row
     * written, the caller is told COMMIT, but the end-transaction (one-way, not waited for) crawls or is lost
     * with its connection. Whichever of the late COMMIT and the check-back's COMMIT settles it, the consumer's
     * effect happens exactly once.
     */
    @Test
    void aLinkThatTurnsSlowDuringTheLocalTransactionStillDeliversExactlyOnce() {
        String order = "slow-end-" + UUID.randomUUID();
        handler().afterWrite = () -> proxy.latency(SEND_TIMEOUT.multipliedBy(2), Direction.BOTH);
        long sentAt = System.nanoTime();
        TransactionalSendResult result = send(order);
        long returnedAt = System.nanoTime();

        assertThat(result.localOutcome()).as("the caller hears the local outcome, not the broker's")
                .isEqualTo(TransactionOutcome.COMMIT);
        assertThat(handler().localRows(order)).isEqualTo(1);
        // Slow for a few check intervals, then healed.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        proxy.heal();
        long healedAt = System.nanoTime();
        await("the consumer's effect, within the bound of this wait").atMost(Duration.ofSeconds(30))
                .until(() -> consumer().rows(order) == 1);
        long deliveredAt = System.nanoTime();
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(consumer().rows(order)).as("exactly once").isEqualTo(1);
        assertThat(handler().localRows(order)).isEqualTo(1);
        System.out.printf("BrokerNetworkFaultTests(a') slow end-transaction: send returned COMMIT in %d ms; "
                        + "delivered %d ms after the heal; %d check-backs; consume calls %d%n",
                millis(sentAt, returnedAt), millis(healedAt, deliveredAt), handler().checksOf(order).size(),
                consumer().received.stream().filter(order::equals).count());
    }

    /**
     * (b) The half message is stored and the local transaction commits, then the producer's connection stops
     * carrying end-transactions (the COMMIT and the answers to check-backs are held) and is cut, losing them.
     * Nothing is delivered meanwhile; after the heal the producer reconnects with its next heartbeat, the
     * check-back finds the local row and commits: the consumer's effect happens exactly once.
     */
    @Test
    void aCutBetweenTheHalfMessageAndItsCommitIsSettledByTheCheckBackAfterTheHeal() {
        String order = null;
        TransactionalSendResult result = null;
        int stalledBefore = 0;
        // The stall catches the first end-transaction on the link. A late one of an earlier half message (a
        // check-back's answer) can come first and hold the connection this half message then waits on: its
        // send times out, nothing is held (no local transaction ran). Then the case starts again, at most 3 times.
        for (int attempt = 1; result == null; attempt++) {
            awaitQuiet();
            order = "cut-commit-" + UUID.randomUUID();
            stalledBefore = proxy.stalledConnections();
            proxy.stallOn(END_TRANSACTION_MARKER);
            try {
                result = send(order);
            } catch (ServerUnavailableException caughtAnotherCommit) {
                assertThat(attempt).as("a stray end-transaction held the link on every attempt").isLessThan(3);
                assertThat(handler().executed).as("the failed send ran no local transaction").doesNotContain(order);
                proxy.heal();
            }
        }
        String held = order;
        int stalledBeforeHeld = stalledBefore;

        assertThat(result.localOutcome()).isEqualTo(TransactionOutcome.COMMIT);
        assertThat(handler().localRows(held)).isEqualTo(1);
        await("the end-transaction held by the proxy, within the bound of this wait").atMost(Duration.ofSeconds(10))
                .until(() -> proxy.stalledConnections() > stalledBeforeHeld);
        // The broker asks (its request gets through), the answer is held like the COMMIT.
        await("a check-back while the commit is held, within the bound of this wait").atMost(Duration.ofSeconds(10))
                .until(() -> !handler().checksOf(held).isEmpty());
        assertThat(consumer().rows(held)).as("not delivered while its commit is held").isZero();

        proxy.cut();
        assertThat(consumer().rows(held)).as("not delivered: the cut lost the commit").isZero();
        proxy.heal();
        long healedAt = System.nanoTime();
        await("the check-back's commit after the heal, within the bound of this wait").atMost(Duration.ofSeconds(30))
                .until(() -> consumer().rows(held) == 1);
        long deliveredAt = System.nanoTime();
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(consumer().rows(held)).as("exactly once").isEqualTo(1);
        assertThat(handler().localRows(held)).isEqualTo(1);
        System.out.printf("BrokerNetworkFaultTests(b) cut before the commit: delivered %d ms after the heal; "
                        + "%d check-backs; consume calls %d%n", millis(healedAt, deliveredAt),
                handler().checksOf(held).size(), consumer().received.stream().filter(held::equals).count());
    }

    /**
     * (c) The link is cut before the half message: the send fails as a server fault (SERVICE_UNAVAILABLE, the
     * breaker counts it), no local transaction runs, no half message exists (no check-back ever asks). Enough of
     * them open the {@code rocketmq} breaker, which then refuses at once. After the heal sends commit again.
     */
    @Test
    void aCutBeforeTheHalfMessageFailsTheSendAsAServerFaultAndSendsWorkAfterTheHeal() {
        ServerBreaker breaker = app.getBean(TransactionalMessageTemplate.class).breaker();
        proxy.cut();
        List<String> failed = new CopyOnWriteArrayList<>();
        int reachedClient = 0;
        int refused = 0;
        for (int i = 0; i < 2 * MINIMUM_CALLS; i++) {
            String order = "cut-half-" + i + "-" + UUID.randomUUID();
            failed.add(order);
            Throwable failure = catchThrowable(() -> send(order));
            assertThat(failure).isInstanceOf(ServerUnavailableException.class);
            ServerUnavailableException unavailable = (ServerUnavailableException) failure;
            assertThat(unavailable.getServer()).isEqualTo("rocketmq");
            if (unavailable.isRefused()) {
                refused++;
            } else {
                assertServerFault(failure);
                reachedClient++;
            }
        }
        assertThat(reachedClient).as("failed sends that reached the client before the breaker opened")
                .isBetween(1, MINIMUM_CALLS);
        assertThat(refused).as("sends the open breaker refused").isPositive();
        assertThat(breaker.isOpen()).isTrue();
        assertThat(failed).noneMatch(handler().executed::contains);

        proxy.heal();
        long healedAt = System.nanoTime();
        String recovered = awaitSendsCommit("after-cut");
        long recoveredAt = System.nanoTime();
        await("the recovered message's effect, within the bound of this wait").atMost(Duration.ofSeconds(30))
                .until(() -> consumer().rows(recovered) == 1);
        assertThat(failed).as("no half message was stored: never asked about, never delivered")
                .allMatch(order -> handler().checksOf(order).isEmpty() && consumer().rows(order) == 0
                        && handler().localRows(order) == 0);
        assertThat(breaker.state()).isEqualTo("CLOSED");
        System.out.printf("BrokerNetworkFaultTests(c) cut before the half message: %d sends reached the client, %d "
                        + "refused by the breaker; a send committed %d ms after the heal%n", reachedClient, refused,
                millis(healedAt, recoveredAt));
    }

    /** Sends until one commits (the breaker may be open, the client reconnecting); bounded to 60 s. */
    private static String awaitSendsCommit(String prefix) {
        long start = System.nanoTime();
        int tries = 0;
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
            String order = prefix + "-" + (++tries) + "-" + UUID.randomUUID();
            try {
                if (send(order).committed()) {
                    return order;
                }
            } catch (ServerUnavailableException | TransactionalMessageException e) {
                assertThat(handler().executed).as("a failed send ran no local transaction").doesNotContain(order);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no send committed within the bound of this wait (60 s, " + tries + " tries)");
    }

    private static void assertServerFault(Throwable failure) {
        assertThat(failure).as("the send's failure").isInstanceOf(ServerUnavailableException.class);
        ServerUnavailableException unavailable = (ServerUnavailableException) failure;
        assertThat(unavailable.isRefused()).as("reached the client, not refused by the breaker").isFalse();
        assertThat(RocketMqFaults.isServerFault(unavailable.getCause())).as("counted as a server fault: "
                + unavailable.getCause()).isTrue();
    }

    private static TransactionalSendResult send(String orderId) {
        return app.getBean(TransactionalMessageTemplate.class).send(TOPIC, SCENE, new Deduct(orderId, 1, "OK"));
    }

    private static LocalRowHandler handler() {
        return app.getBean(LocalRowHandler.class);
    }

    private static OrderConsumer consumer() {
        return app.getBean(OrderConsumer.class);
    }

    private static long last(List<Long> times) {
        return times.isEmpty() ? 0 : times.get(times.size() - 1);
    }

    private static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }
}
