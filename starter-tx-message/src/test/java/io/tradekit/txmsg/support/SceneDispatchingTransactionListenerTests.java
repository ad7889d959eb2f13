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
}
