package io.tradekit.txmsg.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration of handlers by scene. */
class HandlerRegistryTests {

    static class Named implements LocalTransactionHandler<String> {
        final String scene;

        Named(String scene) {
            this.scene = scene;
        }

        @Override
        public String scene() {
            return scene;
        }

        @Override
        public TransactionOutcome execute(String payload) {
            return TransactionOutcome.COMMIT;
        }

        @Override
        public TransactionOutcome check(String payload) {
            return TransactionOutcome.COMMIT;
        }
    }

    @Test
    void manyScenesAreFoundByName() {
        Named a = new Named("ORDER_CREATE");
        Named b = new Named("ORDER_CANCEL");
        HandlerRegistry registry = new HandlerRegistry(List.of(a, b));

        assertThat(registry.find("ORDER_CREATE")).isSameAs(a);
        assertThat(registry.find("ORDER_CANCEL")).isSameAs(b);
        assertThat(registry.find("order_create")).isNull();
        assertThat(registry.find(null)).isNull();
        assertThat(registry.scenes()).containsExactlyInAnyOrder("ORDER_CREATE", "ORDER_CANCEL");
    }

    @Test
    void payloadTypeIsResolvedFromTheTypeArgument() {
        assertThat(new Named("X").payloadType()).isEqualTo(String.class);
    }

    @Test
    void duplicateSceneFailsNamingBoth() {
        assertThatThrownBy(() -> new HandlerRegistry(List.of(new Named("X"), new Named("X"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("scene X");
    }

    @Test
    void blankOrNullSceneFails() {
        assertThatThrownBy(() -> new HandlerRegistry(List.of(new Named(" "))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("blank scene");
        assertThatThrownBy(() -> new HandlerRegistry(List.of(new Named(null))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("blank scene");
    }

    @Test
    void unresolvablePayloadTypeFails() {
        LocalTransactionHandler<Object> raw = new LocalTransactionHandler<>() {
            @Override
            public String scene() {
                return "RAW";
            }

            @Override
            public TransactionOutcome execute(Object payload) {
                return TransactionOutcome.COMMIT;
            }

            @Override
            public TransactionOutcome check(Object payload) {
                return TransactionOutcome.COMMIT;
            }

            @Override
            public Class<Object> payloadType() {
                return null;
            }
        };
        assertThatThrownBy(() -> new HandlerRegistry(List.of(raw)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("payload type");
    }
}
