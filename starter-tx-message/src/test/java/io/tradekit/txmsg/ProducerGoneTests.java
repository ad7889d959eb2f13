package io.tradekit.txmsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The producer that sent the half message goes away before answering; another instance of the
 * same producer group answers the broker's check-back from the real Redis record.
 */
class ProducerGoneTests {

    static final String TOPIC = "txmsg-gone-orders";
    static final String GROUP = "txmsg-gone-producer";

    /** The first instance: its local transaction writes the record but reports UNKNOWN, and it never answers a check. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class SilentInstance {
        @Bean(destroyMethod = "close")
        RedisStockHandler redisStockHandler() {
            return new RedisStockHandler() {
                @Override
                public TransactionOutcome check(Deduct payload) {
                    checked.add(payload.orderId());
                    return TransactionOutcome.UNKNOWN;
                }
            };
        }
    }

    /** The second instance: the normal handler (check looks at Redis) and the consumer. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class AnsweringInstance {
        @Bean(destroyMethod = "close")
        RedisStockHandler redisStockHandler() {
            return new RedisStockHandler();
        }

        @Bean
        OrderConsumer orderConsumer(JdbcTemplate jdbc) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS order_effect (order_id VARCHAR(255), quantity INT)");
            return new OrderConsumer(TOPIC, "txmsg-gone-order-consumer", jdbc);
        }
    }

    /** The answering instance never sends: it knows the broker only through tradekit.txmsg.topics. */
    static ConfigurableApplicationContext start(Class<?> app, String db) {
        return new SpringApplicationBuilder(app).web(WebApplicationType.NONE).properties(
                "tradekit.dev-services.rocketmq.enabled=true",
                "tradekit.dev-services.rocketmq.topics=" + TOPIC,
                "spring.datasource.url=jdbc:h2:mem:" + db + ";MODE=MySQL;DB_CLOSE_DELAY=-1",
                "tradekit.txmsg.producer-group=" + GROUP,
                "tradekit.txmsg.topics=" + TOPIC,
                "tradekit.txmsg.idempotency.create-table=true").run();
    }

    @Test
    void anotherInstanceOfTheProducerGroupAnswersTheCheckBack() {
        String order = "gone-" + UUID.randomUUID();
        TransactionalSendResult result;
        try (ConfigurableApplicationContext first = start(SilentInstance.class, "txmsg-gone-a")) {
            result = first.getBean(TransactionalMessageTemplate.class)
                    .send(TOPIC, RedisStockHandler.SCENE, new Deduct(order, 1, "UNKNOWN_WITH_RECORD"));
            assertThat(result.localOutcome()).isEqualTo(TransactionOutcome.UNKNOWN);
        }
        try (ConfigurableApplicationContext second = start(AnsweringInstance.class, "txmsg-gone-b")) {
            RedisStockHandler handler = second.getBean(RedisStockHandler.class);
            OrderConsumer consumer = second.getBean(OrderConsumer.class);

            await().atMost(Duration.ofSeconds(40)).until(() -> consumer.rows(order) == 1);
            assertThat(handler.checked).contains(order);
        }
    }
}
