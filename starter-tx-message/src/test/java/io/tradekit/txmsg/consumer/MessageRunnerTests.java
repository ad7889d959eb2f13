package io.tradekit.txmsg.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.core.trace.TraceId;
import io.tradekit.txmsg.support.MessageTrace;
import io.tradekit.txmsg.support.PayloadCodec;
import io.tradekit.txmsg.support.TxMessageMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

/** What the consumer side does with each message, called as the push consumer would. */
class MessageRunnerTests {

    record Item(String id) {
    }

    final List<Item> consumed = new CopyOnWriteArrayList<>();
    final List<String> traces = new CopyOnWriteArrayList<>();
    final Map<String, Boolean> seen = new ConcurrentHashMap<>();
    /** An in-memory guard, enough to observe what the runner asks of the store. */
    final IdempotencyStore store = (group, key, work) -> {
        if (seen.putIfAbsent(group + "|" + key, Boolean.TRUE) != null) {
            return false;
        }
        try {
            work.run();
            return true;
        } catch (Exception e) {
            seen.remove(group + "|" + key);
            throw e;
        }
    };
    final TransactionalMessageConsumer<Item> consumer = new TransactionalMessageConsumer<>("t", "g", Item.class) {
        @Override
        protected void consume(Item payload, MessageContext context) {
            if (payload.id().equals("fail")) {
                throw new IllegalStateException("cannot");
            }
            consumed.add(payload);
            traces.add(String.valueOf(TraceId.current()));
        }
    };
    final MessageRunner<Item> runner = new MessageRunner<>(consumer, store, new PayloadCodec(new ObjectMapper()),
            new TxMessageMetrics(null), 1);

    static MessageExt message(String body, String keys) {
        MessageExt m = new MessageExt();
        m.setTopic("t");
        m.setBody(body.getBytes(StandardCharsets.UTF_8));
        m.setMsgId("MSGID-1");
        if (keys != null) {
            m.setKeys(keys);
        }
        return m;
    }

    ConsumeConcurrentlyStatus deliver(MessageExt m, ConsumeConcurrentlyContext context) {
        return runner.consumeMessage(List.of(m), context);
    }

    @Test
    void sameKeyTwiceIsConsumedOnceAndBothAreAcknowledged() {
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(new MessageQueue("t", "b", 0));
        assertThat(deliver(message("{\"id\":\"1\"}", "k1"), context)).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
        assertThat(deliver(message("{\"id\":\"1\"}", "k1"), context)).isEqualTo(ConsumeConcurrentlyStatus.CONSUME_SUCCESS);

        assertThat(consumed).containsExactly(new Item("1"));
    }

    @Test
    void messageWithoutKeyIsGuardedByItsMessageId() {
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(new MessageQueue("t", "b", 0));
        deliver(message("{\"id\":\"2\"}", null), context);
        deliver(message("{\"id\":\"2\"}", " "), context);

        assertThat(consumed).containsExactly(new Item("2"));
        assertThat(seen).containsOnlyKeys("g|MSGID-1");
    }

    @Test
    void failingWorkAsksForARetryWithTheConfiguredDelayLevel() {
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(new MessageQueue("t", "b", 0));
        assertThat(deliver(message("{\"id\":\"fail\"}", "k2"), context)).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(context.getDelayLevelWhenNextConsume()).isEqualTo(1);
        assertThat(seen).doesNotContainKey("g|k2");
    }

    @Test
    void malformedOrEmptyBodiesAreRetriedNotAcknowledged() {
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(new MessageQueue("t", "b", 0));
        for (String body : new String[] {"", "not json", "{\"id\":", "[1,2]", "${jndi:ldap://x}"}) {
            assertThat(deliver(message(body, "bad"), context)).as(body).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        }
        assertThat(consumed).isEmpty();
    }

    @Test
    void eachMessageRunsWithItsSendersTraceIdAndLeavesNoneOnTheThread() {
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(new MessageQueue("t", "b", 0));
        MessageExt first = message("{\"id\":\"t1\"}", "kt1");
        first.putUserProperty(MessageTrace.PROPERTY, "0af7651916cd43dd8448eb211c80319c");
        MessageExt second = message("{\"id\":\"t2\"}", "kt2");
        MessageExt hostile = message("{\"id\":\"t3\"}", "kt3");
        hostile.putUserProperty(MessageTrace.PROPERTY, "x\r\n2026-01-01 INFO forged");

        deliver(first, context);
        assertThat(TraceId.current()).isNull();
        deliver(second, context);
        deliver(hostile, context);

        assertThat(traces).hasSize(3);
        assertThat(traces.get(0)).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        assertThat(traces.get(1)).as("no id leaks from the previous message").matches("[0-9a-f]{32}");
        assertThat(traces.get(2)).matches("[0-9a-f]{32}").isNotEqualTo(traces.get(1));
        assertThat(TraceId.current()).isNull();
    }

    @Test
    void aFailedMessageLeavesNoTraceIdEither() {
        ConsumeConcurrentlyContext context = new ConsumeConcurrentlyContext(new MessageQueue("t", "b", 0));
        MessageExt failing = message("{\"id\":\"fail\"}", "kf");
        failing.putUserProperty(MessageTrace.PROPERTY, "trace-of-the-failing-one");

        assertThat(deliver(failing, context)).isEqualTo(ConsumeConcurrentlyStatus.RECONSUME_LATER);
        assertThat(TraceId.current()).isNull();
    }
}
