package io.tradekit.txmsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradekit.devservices.DevServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Half messages pending while the broker restarts on the same store are all resolved afterwards. */
class BrokerRestartTests {

    static final String TOPIC = "txmsg-restart-orders";

    /** Answers UNKNOWN to every check-back until the broker has restarted. */
    static class GatedHandler extends RedisStockHandler {
        final AtomicBoolean answering = new AtomicBoolean();

        @Override
        public TransactionOutcome check(Deduct payload) {
            return answering.get() ? super.check(payload) : TransactionOutcome.UNKNOWN;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean(destroyMethod = "close")
        GatedHandler gatedHandler() {
            return new GatedHandler();
        }

        @Bean
        OrderConsumer orderConsumer(JdbcTemplate jdbc) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS order_effect (order_id VARCHAR(255), quantity INT)");
            return new OrderConsumer(TOPIC, "txmsg-restart-order-consumer", jdbc);
        }
    }

    @Test
    void everyPendingHalfMessageIsResolvedAfterABrokerRestart() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(
                        "tradekit.dev-services.rocketmq.enabled=true",
                        "tradekit.dev-services.rocketmq.topics=" + TOPIC,
                        "spring.datasource.url=jdbc:h2:mem:txmsg-restart;MODE=MySQL;DB_CLOSE_DELAY=-1",
                        "tradekit.txmsg.producer-group=txmsg-restart-producer",
                        "tradekit.txmsg.heartbeat-interval=500ms",
                        "tradekit.txmsg.idempotency.create-table=true").run()) {
            TransactionalMessageTemplate template = context.getBean(TransactionalMessageTemplate.class);
            GatedHandler handler = context.getBean(GatedHandler.class);
            OrderConsumer consumer = context.getBean(OrderConsumer.class);
            List<String> committed = new ArrayList<>();
            List<String> rolledBack = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String yes = "restart-yes-" + UUID.randomUUID();
                String no = "restart-no-" + UUID.randomUUID();
                assertThat(template.send(TOPIC, RedisStockHandler.SCENE, new Deduct(yes, 1, "UNKNOWN_WITH_RECORD"))
                        .localOutcome()).isEqualTo(TransactionOutcome.UNKNOWN);
                assertThat(template.send(TOPIC, RedisStockHandler.SCENE, new Deduct(no, 1, "UNKNOWN_NO_RECORD"))
                        .localOutcome()).isEqualTo(TransactionOutcome.UNKNOWN);
                committed.add(yes);
                rolledBack.add(no);
            }

            DevServices.rocketMq().restartBroker();
            handler.answering.set(true);

            await().atMost(Duration.ofSeconds(60)).until(() -> committed.stream().allMatch(o -> consumer.rows(o) == 1));
            await().atMost(Duration.ofSeconds(30)).until(() -> handler.checked.containsAll(rolledBack));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> rolledBack.stream().noneMatch(consumer.received::contains));
        }
    }
}
