package io.tradekit.txmsg.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tradekit.devservices.support.FreePorts;
import io.tradekit.devservices.support.SilentServer;
import io.tradekit.txmsg.consumer.MessageContext;
import io.tradekit.txmsg.consumer.TransactionalMessageConsumer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The {@code rocketmq} health component against the real dev name server and broker: UP with the
 * brokers, this instance's producer online, the lag of a consumer that holds its messages and the
 * dead letters of one that fails them; DOWN with the reason on a closed port and on a name server
 * that never answers, returning rather than hanging.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RocketMqHealthIndicatorTests {

    /** Far above the 1 s check budget: only a hang trips it. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String HELD_TOPIC = "health-held-" + RUN;
    static final String HELD_GROUP = "health-held-consumer-" + RUN;
    static final String POISON_TOPIC = "health-poison-" + RUN;
    static final String POISON_GROUP = "health-poison-consumer-" + RUN;

    /** Read bodies as plain text: the test sends JSON strings. */
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** Holds every message until released: its offsets are not committed, so the lag shows. */
    static class HeldConsumer extends TransactionalMessageConsumer<String> {
        HeldConsumer() {
            super(HELD_TOPIC, HELD_GROUP, String.class);
        }

        @Override
        protected void consume(String payload, MessageContext context) throws InterruptedException {
            RELEASE.await(60, TimeUnit.SECONDS);
        }
    }

    /** Fails every message with no retry: each lands in the group's dead-letter queue at once. */
    static class PoisonConsumer extends TransactionalMessageConsumer<String> {
        PoisonConsumer() {
            super(POISON_TOPIC, POISON_GROUP, String.class);
        }

        @Override
        public int maxReconsumeTimes() {
            return 0;
        }

        @Override
        protected void consume(String payload, MessageContext context) {
            throw new IllegalStateException("poison");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class WithConsumers {
        @Bean
        HeldConsumer heldConsumer() {
            return new HeldConsumer();
        }

        @Bean
        PoisonConsumer poisonConsumer() {
            return new PoisonConsumer();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ProducerOnly {
    }

    private ConfigurableApplicationContext app;

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(WithConsumers.class).web(WebApplicationType.NONE).properties(
                "tradekit.dev-services.rocketmq.enabled=true",
                "tradekit.dev-services.rocketmq.topics=" + HELD_TOPIC + "," + POISON_TOPIC,
                "spring.datasource.url=jdbc:h2:mem:health-" + RUN + ";MODE=MySQL;DB_CLOSE_DELAY=-1",
                "tradekit.txmsg.producer-group=health-producer-" + RUN,
                "tradekit.txmsg.topics=" + HELD_TOPIC,
                "tradekit.txmsg.consumer.dead-letter-hook=false",
                "tradekit.txmsg.idempotency.create-table=true",
                "tradekit.txmsg.health.timeout=5s").run();
    }

    @AfterAll
    void stop() {
        RELEASE.countDown();
        if (app != null) {
            app.close();
        }
    }

    private Health health() {
        return app.getBean("rocketmqHealthIndicator", HealthIndicator.class).health();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consumer(Health health, String group) {
        return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("consumers")).get(group);
    }

    @Test
    void upWithTheBrokersAndThisInstancesProducerOnline() {
        Health health = health();
        assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("nameServer").toString()).startsWith("127.0.0.1:");
        assertThat((Iterable<?>) health.getDetails().get("brokers")).isNotEmpty();
        assertThat((Map<String, Object>) health.getDetails().get("producer"))
                .containsEntry("group", "health-producer-" + RUN).containsEntry("online", true);
        assertThat(consumer(health, HELD_GROUP)).containsEntry("topic", HELD_TOPIC).containsKey("lag");
        assertThat(consumer(health, POISON_GROUP)).containsEntry("topic", POISON_TOPIC);
    }

    @Test
    void theLagOfAConsumerThatHoldsItsMessagesAndTheDeadLettersOfOneThatFailsThem() throws Exception {
        DefaultMQProducer plain = new DefaultMQProducer("health-plain-" + RUN);
        plain.setNamesrvAddr(app.getEnvironment().getProperty("tradekit.txmsg.name-server",
                app.getEnvironment().getProperty("rocketmq.name-server")));
        plain.setInstanceName("health-plain-" + RUN);
        plain.start();
        try {
            for (int i = 0; i < 3; i++) {
                Message held = new Message(HELD_TOPIC, ("\"held-" + i + "\"").getBytes(StandardCharsets.UTF_8));
                held.setKeys("held-" + RUN + "-" + i);
                plain.send(held);
                Message poison = new Message(POISON_TOPIC, ("\"poison-" + i + "\"").getBytes(StandardCharsets.UTF_8));
                poison.setKeys("poison-" + RUN + "-" + i);
                plain.send(poison);
            }
        } finally {
            plain.shutdown();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Health health = health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat((Long) consumer(health, HELD_GROUP).get("lag")).as("held messages").isGreaterThanOrEqualTo(3);
            assertThat((Long) consumer(health, POISON_GROUP).get("deadLetters")).as("dead letters").isEqualTo(3);
        });
        assertThat((Integer) consumer(health(), HELD_GROUP).get("online")).isGreaterThanOrEqualTo(1);
        assertThat(consumer(health(), HELD_GROUP).get("deadLetters")).as("none failed").isEqualTo(0L);

        RELEASE.countDown();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat((Long) consumer(health(), HELD_GROUP).get("lag")).as("consumed").isZero());
    }

    @Test
    void downWithTheReasonWhenTheNameServerIsAClosedPort() {
        try (ConfigurableApplicationContext producerOnly = producerOnly("127.0.0.1:" + FreePorts.next())) {
            Health down = assertTimeoutPreemptively(HANG_GUARD,
                    () -> producerOnly.getBean("rocketmqHealthIndicator", HealthIndicator.class).health(),
                    "the check hung");
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(down.getDetails().get("error"))).contains("connect");
        }
    }

    @Test
    void downRatherThanHangingOnANameServerThatNeverAnswers() throws Exception {
        try (SilentServer silent = new SilentServer();
             ConfigurableApplicationContext producerOnly = producerOnly("127.0.0.1:" + silent.port())) {
            Health down = assertTimeoutPreemptively(HANG_GUARD,
                    () -> producerOnly.getBean("rocketmqHealthIndicator", HealthIndicator.class).health(),
                    "the check hung");
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(String.valueOf(down.getDetails().get("error"))).isNotBlank();
        }
    }

    @Test
    void offByPropertyAndAnUnboundedTimeoutRefused() {
        String deadNameServer = "127.0.0.1:" + FreePorts.next();
        try (ConfigurableApplicationContext off = producerOnly(deadNameServer, "management.health.rocketmq.enabled=false")) {
            assertThat(off.getBeansOfType(RocketMqHealthIndicator.class)).isEmpty();
        }
        for (String timeout : new String[] {"0s", "-1s"}) {
            assertThat(org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> producerOnly(deadNameServer, "tradekit.txmsg.health.timeout=" + timeout).close()))
                    .rootCause().hasMessageContaining("tradekit.txmsg.health.timeout must be positive");
        }
    }

    private static ConfigurableApplicationContext producerOnly(String nameServer, String... extra) {
        return new SpringApplicationBuilder(ProducerOnly.class).web(WebApplicationType.NONE)
                .properties("tradekit.dev-services.rocketmq.enabled=false", "tradekit.txmsg.name-server=" + nameServer,
                        "spring.datasource.url=jdbc:h2:mem:health-down-" + UUID.randomUUID(),
                        "tradekit.txmsg.health.timeout=1s", "spring.main.banner-mode=off")
                .properties(extra).run();
    }
}
