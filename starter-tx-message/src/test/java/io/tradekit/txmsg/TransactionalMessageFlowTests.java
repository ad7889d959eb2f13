package io.tradekit.txmsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.txmsg.consumer.DeadLetter;
import io.tradekit.txmsg.consumer.DeadLetterHandler;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.producer.SendStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole flow against a real in-process name server + broker, real Redis and H2. */
class TransactionalMessageFlowTests {

    static final String ORDERS = "txmsg-flow-orders";
    static final String POISON = "txmsg-flow-poison";
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Longer than a few broker check-back intervals (1 s in dev services). */
    static final Duration QUIET = Duration.ofSeconds(3);

    static ConfigurableApplicationContext context;
    static TransactionalMessageTemplate template;
    static RedisStockHandler handler;
    static OrderConsumer orders;
    static PoisonConsumer poison;
    static MeterRegistry meters;
    static List<DeadLetter> globalDeadLetters;

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

        @Bean(destroyMethod = "close")
        RedisStockHandler redisStockHandler() {
            return new RedisStockHandler();
        }

        @Bean
        OrderConsumer orderConsumer(JdbcTemplate jdbc) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS order_effect (order_id VARCHAR(255), quantity INT)");
            return new OrderConsumer(ORDERS, "txmsg-flow-order-consumer", jdbc);
        }

        @Bean
        PoisonConsumer poisonConsumer() {
            return new PoisonConsumer(POISON, "txmsg-flow-poison-consumer");
        }

        @Bean
        DeadLetterHandler recordingDeadLetterHandler() {
            return deadLetters::add;
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
                "tradekit.dev-services.rocketmq.enabled=true",
                "tradekit.dev-services.rocketmq.topics=" + ORDERS + "," + POISON,
                "spring.datasource.url=jdbc:h2:mem:txmsg-flow;MODE=MySQL;DB_CLOSE_DELAY=-1",
                "tradekit.txmsg.producer-group=txmsg-flow-producer",
                "tradekit.txmsg.idempotency.create-table=true",
                "tradekit.txmsg.consumer.retry-delay-level=1",
                "tradekit.txmsg.consumer.route-refresh-interval=1s").run();
        template = context.getBean(TransactionalMessageTemplate.class);
        handler = context.getBean(RedisStockHandler.class);
        orders = context.getBean(OrderConsumer.class);
        poison = context.getBean(PoisonConsumer.class);
        meters = context.getBean(MeterRegistry.class);
        globalDeadLetters = context.getBean(App.class).deadLetters;
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
    }

    static String newOrder() {
        return "o-" + UUID.randomUUID();
    }

    @Test
    void committedLocalTransactionIsDeliveredOnceAndCreatesOneRow() {
        String order = newOrder();
        TransactionalSendResult result = template.send(ORDERS, RedisStockHandler.SCENE, new Deduct(order, 2, "COMMIT"));

        assertThat(result.sendStatus()).isEqualTo(SendStatus.SEND_OK);
        assertThat(result.localOutcome()).isEqualTo(TransactionOutcome.COMMIT);
        assertThat(result.committed()).isTrue();
        assertThat(result.msgId()).isNotBlank();
        assertThat(result.messageKey()).isNotBlank();
        assertThat(handler.hasRecord(order)).isTrue();
        await().atMost(WAIT).until(() -> orders.rows(order) == 1);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> orders.rows(order) == 1
                && orders.received.stream().filter(order::equals).count() == 1);
    }

    @Test
    void cleanLocalFailureRollsBackAndIsNeverDelivered() {
        String order = newOrder();
        TransactionalSendResult result = template.send(ORDERS, RedisStockHandler.SCENE, new Deduct(order, 1, "BIZ_FAIL"));

        assertThat(result.localOutcome()).isEqualTo(TransactionOutcome.ROLLBACK);
        assertThat(result.committed()).isFalse();
        assertThat(result.localFailure()).hasMessageContaining("insufficient stock");
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> !orders.received.contains(order));
        assertThat(orders.rows(order)).isZero();
        // A check-back may still arrive for a resolved half message (the broker's scan races the op
        // record); it must answer ROLLBACK then, which the handler does because no Redis record exists.
        assertThat(handler.hasRecord(order)).isFalse();
    }

    @Test
    void unknownOutcomeIsCommittedByCheckBackWhenTheRedisRecordExists() {
        String order = newOrder();
        TransactionalSendResult result = template.send(ORDERS, RedisStockHandler.SCENE,
                new Deduct(order, 3, "UNKNOWN_WITH_RECORD"));

        assertThat(result.localOutcome()).isEqualTo(TransactionOutcome.UNKNOWN);
        await().atMost(WAIT).until(() -> orders.rows(order) == 1);
        assertThat(handler.checked).contains(order);
    }

    @Test
    void theSendersTraceIdReachesTheLocalTransactionTheCheckBackAndTheConsumer() {
        String order = newOrder();
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        try (io.tradekit.core.trace.TraceId.Scope scope = io.tradekit.core.trace.TraceId.open(traceId)) {
            TransactionalSendResult result = template.send(ORDERS, RedisStockHandler.SCENE,
                    new Deduct(order, 1, "UNKNOWN_WITH_RECORD"));
            assertThat(result.localOutcome()).isEqualTo(TransactionOutcome.UNKNOWN);
        }
        assertThat(io.tradekit.core.trace.TraceId.current()).as("the sender's id is its own again").isNull();

        await().atMost(WAIT).until(() -> orders.rows(order) == 1);
        assertThat(handler.executeTraces).containsEntry(order, traceId);
        assertThat(handler.checkTraces).containsEntry(order, traceId);
        assertThat(orders.traces).containsEntry(order, traceId);
    }

    @Test
    void aSenderWithoutTraceIdGetsOneForTheSendAndNoneAfterIt() {
        String order = newOrder();
        template.send(ORDERS, RedisStockHandler.SCENE, new Deduct(order, 1, "COMMIT"));

        assertThat(io.tradekit.core.trace.TraceId.current()).isNull();
        await().atMost(WAIT).until(() -> orders.rows(order) == 1);
        assertThat(handler.executeTraces.get(order)).matches("[0-9a-f]{32}");
        assertThat(orders.traces).containsEntry(order, handler.executeTraces.get(order));
    }

    @Test
    void unknownOutcomeIsRolledBackByCheckBackWhenTheRedisRecordIsAbsent() {
        String order = newOrder();
        TransactionalSendResult result = template.send(ORDERS, RedisStockHandler.SCENE,
                new Deduct(order, 3, "UNKNOWN_NO_RECORD"));

        assertThat(result.localOutcome()).isEqualTo(TransactionOutcome.UNKNOWN);
        await().atMost(WAIT).until(() -> handler.checked.contains(order));
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> !orders.received.contains(order));
        assertThat(orders.rows(order)).isZero();
    }

    @Test
    void ambiguousExceptionIsUnknownNotRollbackSoTheStockIsNotLeaked() {
        String order = newOrder();
        TransactionalSendResult result = template.send(ORDERS, RedisStockHandler.SCENE,
                new Deduct(order, 5, "TIMEOUT_AFTER_WRITE"));

        assertThat(result.localOutcome()).isEqualTo(TransactionOutcome.UNKNOWN);
        assertThat(result.localFailure()).hasMessageContaining("reply lost");
        await().atMost(WAIT).until(() -> orders.rows(order) == 1);
        assertThat(handler.checked).contains(order);
    }

    @Test
    void sameMessageKeyDeliveredTwiceHasOneDatabaseEffect() {
        String order = newOrder();
        String key = "dup-" + order;
        double duplicatesBefore = counter("tradekit.txmsg.consume", "txmsg-flow-order-consumer", "duplicate");
        template.send(ORDERS, RedisStockHandler.SCENE, key, new Deduct(order, 1, "COMMIT"));
        await().atMost(WAIT).until(() -> orders.rows(order) == 1);
        template.send(ORDERS, RedisStockHandler.SCENE, key, new Deduct(order, 1, "COMMIT"));

        await().atMost(WAIT).until(() ->
                counter("tradekit.txmsg.consume", "txmsg-flow-order-consumer", "duplicate") >= duplicatesBefore + 1);
        assertThat(orders.rows(order)).isEqualTo(1);
        assertThat(orders.received.stream().filter(order::equals).count()).isEqualTo(1);
    }

    @Test
    void failedWorkRollsBackItsIdempotencyRecordSoTheRetryRunsIt() {
        String order = newOrder();
        template.send(ORDERS, RedisStockHandler.SCENE, new Deduct(order, 4, "FAIL_AFTER_INSERT"));

        // The first attempt inserts its effect and its guard row, then fails: both roll back, so a
        // later delivery runs the work again. Had the guard row survived, the retry would be skipped
        // as a duplicate and no effect row would ever exist. (How many deliveries it takes is not
        // fixed: the broker may deliver a committed transactional message twice when a check-back
        // races the commit, so the count of receptions is only bounded below.)
        await().atMost(WAIT).until(() -> orders.rows(order) == 1);
        assertThat(orders.received.stream().filter(order::equals).count()).isGreaterThanOrEqualTo(2);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> orders.rows(order) == 1);
    }

    @Test
    void poisonMessageIsRetriedThenReachesTheDeadLetterHookWithItsPayload() {
        String order = newOrder();
        Deduct payload = new Deduct(order, 7, "COMMIT");
        String traceId = "463ac35c9f6413ad48485a3953bb6124";
        TransactionalSendResult result;
        try (io.tradekit.core.trace.TraceId.Scope scope = io.tradekit.core.trace.TraceId.open(traceId)) {
            result = template.send(POISON, RedisStockHandler.SCENE, payload);
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> poison.deadPayloads.contains(payload));
        // Each delivery of the message is tried MAX + 1 times and then dead-lettered once. (The broker
        // may deliver a transactional message twice when a check-back races the commit: at-least-once.)
        // The hook runs once per message key even then (its own idempotency guard).
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(60)).until(() ->
                poison.attempts.get(order).get() == (PoisonConsumer.MAX_RECONSUME_TIMES + 1)
                        * counter("tradekit.txmsg.dead.letter", "txmsg-flow-poison-consumer", "arrived"));
        assertThat(poison.deadPayloads.stream().filter(payload::equals).count()).isEqualTo(1);
        DeadLetter letter = poison.deadLetters.stream().filter(l -> l.messageKey().equals(result.messageKey()))
                .findFirst().orElseThrow();
        assertThat(letter.consumerGroup()).isEqualTo("txmsg-flow-poison-consumer");
        assertThat(letter.originalTopic()).isEqualTo(POISON);
        assertThat(letter.scene()).isEqualTo(RedisStockHandler.SCENE);
        assertThat(letter.bodyAsString()).contains(order);
        assertThat(poison.deadTraces).as("the dead letter keeps the sender's trace id").containsEntry(order, traceId);
        await().atMost(WAIT).until(() -> globalDeadLetters.stream().anyMatch(l -> l.messageKey().equals(result.messageKey())));
        await().atMost(WAIT).until(() -> counter("tradekit.txmsg.dead.letter", "txmsg-flow-poison-consumer", "handled") == 1);
    }

    @Test
    void sendsAndCheckBacksAreCounted() {
        String order = newOrder();
        double before = meters.counter("tradekit.txmsg.send", "scene", RedisStockHandler.SCENE, "outcome", "UNKNOWN").count();
        template.send(ORDERS, RedisStockHandler.SCENE, new Deduct(order, 1, "UNKNOWN_WITH_RECORD"));

        assertThat(meters.counter("tradekit.txmsg.send", "scene", RedisStockHandler.SCENE, "outcome", "UNKNOWN").count())
                .isEqualTo(before + 1);
        await().atMost(WAIT).until(() ->
                meters.counter("tradekit.txmsg.check", "scene", RedisStockHandler.SCENE, "answer", "COMMIT").count() >= 1);
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() {
        String order = newOrder();
        Deduct ok = new Deduct(order, 1, "COMMIT");
        assertInvalid(() -> template.send(ORDERS, RedisStockHandler.SCENE, null));
        assertInvalid(() -> template.send(ORDERS, "NO_SUCH_SCENE", ok));
        assertInvalid(() -> template.send(ORDERS, "T(java.lang.Runtime).getRuntime()", ok));
        assertInvalid(() -> template.send(ORDERS, "DEDUCT\r\nFORGED", ok));
        assertInvalid(() -> template.send(ORDERS, null, ok));
        assertInvalid(() -> template.send(ORDERS, "", ok));
        assertInvalid(() -> template.send(null, RedisStockHandler.SCENE, ok));
        assertInvalid(() -> template.send("", RedisStockHandler.SCENE, ok));
        assertInvalid(() -> template.send("bad topic\r\n", RedisStockHandler.SCENE, ok));
        assertInvalid(() -> template.send("t".repeat(128), RedisStockHandler.SCENE, ok));
        assertInvalid(() -> template.send(ORDERS, RedisStockHandler.SCENE, "key\r\nforged", ok));
        assertInvalid(() -> template.send(ORDERS, RedisStockHandler.SCENE, "", ok));
        assertInvalid(() -> template.send(ORDERS, RedisStockHandler.SCENE, null, ok));
        assertInvalid(() -> template.send(ORDERS, RedisStockHandler.SCENE, "k".repeat(129), ok));
        assertInvalid(() -> template.send(ORDERS, RedisStockHandler.SCENE, "not a Deduct"));
        assertInvalid(() -> template.send(ORDERS, RedisStockHandler.SCENE,
                new Deduct(order, 1, "x".repeat(1024 * 1024 + 1))));

        assertThat(handler.executed).doesNotContain(order);
        assertThat(handler.hasRecord(order)).isFalse();
    }

    @Test
    void hostileLookingPayloadTextIsCarriedAsData() {
        String order = "o-${jndi:ldap://x}#{T(java.lang.Runtime)}\r\nredis.call('FLUSHALL')-" + UUID.randomUUID();
        template.send(ORDERS, RedisStockHandler.SCENE, new Deduct(order, 1, "COMMIT"));

        await().atMost(WAIT).until(() -> orders.rows(order) == 1);
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(TransactionalMessageException.class)
                .satisfies(e -> assertThat(((TransactionalMessageException) e).getErrorCode())
                        .isEqualTo(CommonErrorCode.PARAM_INVALID));
    }

    private static double counter(String name, String group, String result) {
        return meters.counter(name, "group", group, "result", result).count();
    }
}
