package io.tradekit.txmsg.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Names a consumer may subscribe with. */
class TransactionalMessageConsumerTests {

    static TransactionalMessageConsumer<String> consumer(String topic, String group, Class<String> type) {
        return new TransactionalMessageConsumer<>(topic, group, type) {
            @Override
            protected void consume(String payload, MessageContext context) {
                // not called
            }
        };
    }

    @Test
    void validNamesAreKeptAndTheDefaultRetryCountComesFromProperties() {
        TransactionalMessageConsumer<String> c = consumer("order-stock", "stock_consumer", String.class);

        assertThat(c.topic()).isEqualTo("order-stock");
        assertThat(c.consumerGroup()).isEqualTo("stock_consumer");
        assertThat(c.payloadType()).isEqualTo(String.class);
        assertThat(c.maxReconsumeTimes()).isNegative();
    }

    @Test
    void nullEmptyOversizedOrHostileNamesAreRefused() {
        String[] bad = {null, "", " ", "a b", "t\r\nforged", "%DLQ%group", "#{T(java.lang.Runtime)}", "x".repeat(101)};
        for (String name : bad) {
            assertThatThrownBy(() -> consumer(name, "g", String.class)).as("topic %s", name)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> consumer("t", name, String.class)).as("group %s", name)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> consumer("t", "g", null)).isInstanceOf(NullPointerException.class);
    }
}
