package io.tradekit.txmsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The broker's check-back comes while the local transaction is still running (the dev broker checks half
 * messages older than 1 s every second; this local transaction lasts until one has asked), and then the
 * end of the transaction never reaches the broker — what a producer killed between its local commit and
 * the end of the transaction does. RocketMQ stops checking a message once a check-back answered ROLLBACK,
 * so without more care that message is lost although its local transaction committed. Within the
 * undecided window the early "not done" is answered UNKNOWN, the broker asks again, finds it done and
 * delivers it.
 */
class SlowLocalTransactionTests {

    static final String TOPIC = "txmsg-slow-orders";

    /** Commits once a check-back has asked while it was not done; its end of the transaction is lost (UNKNOWN). */
    static class SlowHandler implements LocalTransactionHandler<Deduct> {
        final CountDownLatch checkedWhileRunning = new CountDownLatch(1);
        final AtomicInteger checksWhileRunning = new AtomicInteger();
        volatile boolean done;

        @Override
        public String scene() {
            return "SLOW";
        }

        @Override
        public TransactionOutcome execute(Deduct payload) throws Exception {
            // Bounded: the test fails below if no check-back came while running.
            checkedWhileRunning.await(15, TimeUnit.SECONDS);
            // Still running for a few check intervals after the first check-back: every check the broker
            // sends before it has settled its answer finds the transaction not done.
            Thread.sleep(3_000);
            done = true;
            // As if the process died here: the broker never hears COMMIT from this send.
            return TransactionOutcome.UNKNOWN;
        }

        @Override
        public TransactionOutcome check(Deduct payload) {
            if (done) {
                return TransactionOutcome.COMMIT;
            }
            checksWhileRunning.incrementAndGet();
            checkedWhileRunning.countDown();
            return TransactionOutcome.ROLLBACK;
        }
    }

    /** Commits at once: its message shows the consumer is subscribed before the race is run. */
    static class QuickHandler implements LocalTransactionHandler<Deduct> {
        @Override
        public String scene() {
            return "QUICK";
        }

        @Override
        public TransactionOutcome execute(Deduct payload) {
            return TransactionOutcome.COMMIT;
        }

        @Override
        public TransactionOutcome check(Deduct payload) {
            return TransactionOutcome.COMMIT;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        SlowHandler slowHandler() {
            return new SlowHandler();
        }

        @Bean
        QuickHandler quickHandler() {
            return new QuickHandler();
        }

        @Bean
        OrderConsumer orderConsumer(JdbcTemplate jdbc) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS order_effect (order_id VARCHAR(255), quantity INT)");
            return new OrderConsumer(TOPIC, "txmsg-slow-consumer-" + UUID.randomUUID().toString().substring(0, 8), jdbc);
        }
    }

    static ConfigurableApplicationContext start(String window) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
                "tradekit.dev-services.rocketmq.enabled=true",
                "tradekit.dev-services.rocketmq.topics=" + TOPIC,
                "spring.datasource.url=jdbc:h2:mem:txmsg-slow-" + id + ";MODE=MySQL;DB_CLOSE_DELAY=-1",
                "tradekit.txmsg.producer-group=txmsg-slow-producer-" + id,
                "tradekit.txmsg.topics=" + TOPIC,
                "tradekit.txmsg.check.undecided-window=" + window,
                "tradekit.txmsg.consumer.route-refresh-interval=1s",
                "tradekit.txmsg.idempotency.create-table=true").run();
    }

    /** Sends a committed message and waits until the consumer has it: the consumer is subscribed. */
    static void awaitConsumerLive(ConfigurableApplicationContext app) {
        String warmUp = "quick-" + UUID.randomUUID();
        app.getBean(TransactionalMessageTemplate.class).send(TOPIC, "QUICK", new Deduct(warmUp, 1, "OK"));
        OrderConsumer consumer = app.getBean(OrderConsumer.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> consumer.rows(warmUp) == 1);
    }

    static TransactionalSendResult race(ConfigurableApplicationContext app, String order) {
        TransactionalSendResult result = app.getBean(TransactionalMessageTemplate.class)
                .send(TOPIC, "SLOW", new Deduct(order, 1, "OK"));
        assertThat(app.getBean(SlowHandler.class).checksWhileRunning)
                .as("the race happened: a check-back came before the local commit").hasPositiveValue();
        assertThat(result.localOutcome()).isEqualTo(TransactionOutcome.UNKNOWN);
        return result;
    }

    @Test
    void withinTheWindowAnEarlyCheckBackLeavesItOpenAndALaterOneCommits() {
        try (ConfigurableApplicationContext app = start("20s")) {
            awaitConsumerLive(app);
            OrderConsumer consumer = app.getBean(OrderConsumer.class);
            String order = "slow-" + UUID.randomUUID();
            race(app, order);
            await().atMost(Duration.ofSeconds(30)).until(() -> consumer.rows(order) == 1);
            assertThat(consumer.received).containsOnlyOnce(order);
        }
    }

    @Test
    void withoutTheWindowTheSameRaceLosesTheMessage() throws InterruptedException {
        try (ConfigurableApplicationContext app = start("0s")) {
            awaitConsumerLive(app);
            OrderConsumer consumer = app.getBean(OrderConsumer.class);
            SlowHandler handler = app.getBean(SlowHandler.class);
            String order = "slow-" + UUID.randomUUID();
            race(app, order);
            int checks = handler.checksWhileRunning.get();
            // Several check intervals: a message still open would have been checked again (done: COMMIT).
            Thread.sleep(6_000);
            assertThat(consumer.rows(order)).as("rolled back by the early check-back, never delivered").isZero();
            assertThat(handler.checksWhileRunning).as("no check-back while running after the ROLLBACK").hasValue(checks);
        }
    }
}
