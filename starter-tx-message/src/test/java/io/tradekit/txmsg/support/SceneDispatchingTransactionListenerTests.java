package io.tradekit.txmsg.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/** Outcome mapping of local transactions and check-backs (no broker: the listener is called as the client would). */
class SceneDispatchingTransactionListenerTests {

    record Item(String id) {
    }

    static class Scripted implements LocalTransactionHandler<Item> {
        Object onExecute;
        Object onCheck;
        Item checkedPayload;

        @Override
        public String scene() {
            return "S";
        }

        @Override
        public TransactionOutcome execute(Item payload) throws Exception {
            return answer(onExecute);
        }

        @Override
        public TransactionOutcome check(Item payload) throws Exception {
            checkedPayload = payload;
            return answer(onCheck);
        }

        private static TransactionOutcome answer(Object scripted) throws Exception {
            if (scripted instanceof Exception e) {
                throw e;
            }
            return (TransactionOutcome) scripted;
        }
    }

    final Scripted handler = new Scripted();
    final SceneDispatchingTransactionListener listener = new SceneDispatchingTransactionListener(
            new HandlerRegistry(List.of(handler)), new PayloadCodec(new ObjectMapper()), new TxMessageMetrics(null));

    LocalTransactionState execute(Object scripted) {
        handler.onExecute = scripted;
        return listener.executeLocalTransaction(new Message("t", new byte[0]), new LocalInvocation(handler, new Item("1")));
    }

    LocalTransactionState check(String scene, String body, Object scripted) {
        handler.onCheck = scripted;
        MessageExt message = new MessageExt();
        message.setTopic("t");
        message.setBody(body.getBytes(StandardCharsets.UTF_8));
        if (scene != null) {
            message.putUserProperty(SceneDispatchingTransactionListener.SCENE_PROPERTY, scene);
        }
        return listener.checkLocalTransaction(message);
    }

    @Test
    void executeOutcomesMapToBrokerStates() {
        assertThat(execute(TransactionOutcome.COMMIT)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(execute(TransactionOutcome.ROLLBACK)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(execute(TransactionOutcome.UNKNOWN)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(execute(null)).isEqualTo(LocalTransactionState.UNKNOW);
    }

    @Test
    void businessRefusalRollsBackButAnyOtherExceptionIsUnknown() {
        assertThat(execute(new BizException(CommonErrorCode.BIZ_ERROR, "no stock")))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(execute(new java.util.concurrent.TimeoutException("redis timeout")))
                .isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(execute(new IllegalStateException("boom"))).isEqualTo(LocalTransactionState.UNKNOW);
    }

    @Test
    void invocationRecordsOutcomeAndFailure() {
        handler.onExecute = new IllegalStateException("boom");
        LocalInvocation invocation = new LocalInvocation(handler, new Item("1"));
        listener.executeLocalTransaction(new Message("t", new byte[0]), invocation);

        assertThat(invocation.outcome()).isEqualTo(TransactionOutcome.UNKNOWN);
        assertThat(invocation.failure()).hasMessage("boom");
    }

    @Test
    void halfMessageWithoutTradekitInvocationRollsBack() {
        assertThat(listener.executeLocalTransaction(new Message("t", new byte[0]), "forged"))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(listener.executeLocalTransaction(new Message("t", new byte[0]), null))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
    }

    @Test
    void checkBackAsksTheHandlerWithTheDecodedPayload() {
        assertThat(check("S", "{\"id\":\"42\"}", TransactionOutcome.COMMIT)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(handler.checkedPayload).isEqualTo(new Item("42"));
        assertThat(check("S", "{\"id\":\"42\"}", TransactionOutcome.ROLLBACK))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(check("S", "{\"id\":\"42\"}", null)).isEqualTo(LocalTransactionState.UNKNOW);
    }

    @Test
    void checkBackForUnknownOrMissingSceneRollsBack() {
        assertThat(check("OTHER", "{\"id\":\"1\"}", TransactionOutcome.COMMIT))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(check(null, "{\"id\":\"1\"}", TransactionOutcome.COMMIT))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(check("S\r\nforged", "{\"id\":\"1\"}", TransactionOutcome.COMMIT))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
    }

    @Test
    void checkBackThatFailsOrCannotReadTheBodyAnswersUnknown() {
        assertThat(check("S", "{\"id\":\"1\"}", new IllegalStateException("redis down")))
                .isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(check("S", "not json", TransactionOutcome.COMMIT)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(check("S", "", TransactionOutcome.COMMIT)).isEqualTo(LocalTransactionState.UNKNOW);
    }

    @Test
    void checkBacksFailingForAnOutageAnswerUnknownWithoutALineEach() {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(SceneDispatchingTransactionListener.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            // What the stock check throws while the Redis breaker refuses: nothing ran, the server is down.
            Exception refused = new io.tradekit.core.error.SystemException(CommonErrorCode.SERVICE_UNAVAILABLE,
                    "Redis breaker open: could not read a stock record", new io.tradekit.core.degrade.ServerUnavailableException(
                            "redis", java.time.Duration.ofSeconds(5), true, null));
            for (int i = 0; i < 2_500; i++) {
                assertThat(check("S", "{\"id\":\"1\"}", refused)).isEqualTo(LocalTransactionState.UNKNOW);
            }
            // At most the first failure's line (one a minute per JVM), never a stack trace.
            assertThat(lines.list).hasSizeLessThanOrEqualTo(1).allSatisfy(line -> {
                assertThat(line.getThrowableProxy()).isNull();
                assertThat(line.getFormattedMessage()).startsWith("Check-backs failed");
            });
            // Any other failure keeps its ERROR with the stack trace.
            check("S", "{\"id\":\"1\"}", new IllegalStateException("bug"));
            assertThat(lines.list.get(lines.list.size() - 1).getThrowableProxy()).isNotNull();
        } finally {
            logger.detachAppender(lines);
        }
    }

    // --- the undecided window: a check-back may come while the local transaction has not committed yet

    final java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000_000);
    final io.micrometer.core.instrument.simple.SimpleMeterRegistry meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    final SceneDispatchingTransactionListener windowed = new SceneDispatchingTransactionListener(
            new HandlerRegistry(List.of(handler)), new PayloadCodec(new ObjectMapper()), new TxMessageMetrics(meters),
            java.time.Duration.ofSeconds(20), now::get);

    LocalTransactionState checkAged(long ageMillis, Object scripted) {
        handler.onCheck = scripted;
        MessageExt message = new MessageExt();
        message.setTopic("t");
        message.setBody("{\"id\":\"7\"}".getBytes(StandardCharsets.UTF_8));
        message.putUserProperty(SceneDispatchingTransactionListener.SCENE_PROPERTY, "S");
        message.setBornTimestamp(now.get() - ageMillis);
        return windowed.checkLocalTransaction(message);
    }

    @Test
    void aRollbackWithinTheUndecidedWindowIsAnsweredUnknownAndOnlyThen() {
        assertThat(checkAged(0, TransactionOutcome.ROLLBACK)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(checkAged(19_999, TransactionOutcome.ROLLBACK)).isEqualTo(LocalTransactionState.UNKNOW);
        assertThat(checkAged(20_000, TransactionOutcome.ROLLBACK)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(checkAged(3_600_000, TransactionOutcome.ROLLBACK)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        // A COMMIT is never held back, young or old.
        assertThat(checkAged(0, TransactionOutcome.COMMIT)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(checkAged(50_000, TransactionOutcome.COMMIT)).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        // A message without a born timestamp cannot be aged: the handler's answer stands.
        handler.onCheck = TransactionOutcome.ROLLBACK;
        MessageExt unstamped = new MessageExt();
        unstamped.setBody("{\"id\":\"7\"}".getBytes(StandardCharsets.UTF_8));
        unstamped.putUserProperty(SceneDispatchingTransactionListener.SCENE_PROPERTY, "S");
        assertThat(windowed.checkLocalTransaction(unstamped)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        // The meter counts what the broker was told.
        assertThat(meters.counter("tradekit.txmsg.check", "scene", "S", "answer", "UNKNOWN").count()).isEqualTo(2);
        assertThat(meters.counter("tradekit.txmsg.check", "scene", "S", "answer", "ROLLBACK").count()).isEqualTo(3);
    }

    @Test
    void withoutAWindowARollbackIsAnsweredAtOnce() {
        handler.onCheck = TransactionOutcome.ROLLBACK;
        MessageExt message = new MessageExt();
        message.setBody("{\"id\":\"7\"}".getBytes(StandardCharsets.UTF_8));
        message.putUserProperty(SceneDispatchingTransactionListener.SCENE_PROPERTY, "S");
        message.setBornTimestamp(System.currentTimeMillis());
        assertThat(listener.checkLocalTransaction(message)).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
    }

    @Test
    void aLocalTransactionIsNotStartedOnceItsMessageLeftTheWindowAndALateCommitIsCounted() {
        handler.onExecute = TransactionOutcome.COMMIT;
        LocalInvocation stale = new LocalInvocation(handler, new Item("1"), now.get() - 20_000);
        assertThat(windowed.executeLocalTransaction(new Message("t", new byte[0]), stale))
                .isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(stale.outcome()).isEqualTo(TransactionOutcome.ROLLBACK);

        // A local transaction that runs past the window still reports its outcome, and is counted as late.
        Scripted slowHandler = new Scripted() {
            @Override
            public TransactionOutcome execute(Item payload) {
                now.addAndGet(25_000);
                return TransactionOutcome.COMMIT;
            }
        };
        LocalInvocation late = new LocalInvocation(slowHandler, new Item("3"), now.get());
        SceneDispatchingTransactionListener withSlow = new SceneDispatchingTransactionListener(
                new HandlerRegistry(List.of(slowHandler)), new PayloadCodec(new ObjectMapper()),
                new TxMessageMetrics(meters), java.time.Duration.ofSeconds(20), now::get);
        assertThat(withSlow.executeLocalTransaction(new Message("t", new byte[0]), late))
                .isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(meters.counter("tradekit.txmsg.late.commit", "scene", "S").count()).isEqualTo(1);
    }
}
