package io.tradekit.txmsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tradekit.txmsg.consumer.ConsumerContainer;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An idle application logs nothing about dead-letter topics that do not exist yet (issue 20, item 2),
 * and a topic listed in tradekit.txmsg.topics that does not exist is named once, without a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class IdleLogTests {

    static final String TOPIC = "txmsg-idle-orders";
    static final String GROUP = "txmsg-idle-group";
    static final String NEVER_CREATED = "txmsg-idle-never-created";

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        OrderConsumer orderConsumer(JdbcTemplate jdbc) {
            jdbc.execute("CREATE TABLE IF NOT EXISTS order_effect (order_id VARCHAR(255), quantity INT)");
            return new OrderConsumer(TOPIC, GROUP, jdbc);
        }
    }

    @Test
    void idleConsumersDoNotAskForTheirMissingDeadLetterTopics(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE).properties(
                        "tradekit.dev-services.rocketmq.enabled=true",
                        "tradekit.dev-services.rocketmq.topics=" + TOPIC,
                        "spring.datasource.url=jdbc:h2:mem:txmsg-idle;MODE=MySQL;DB_CLOSE_DELAY=-1",
                        "tradekit.txmsg.producer-group=txmsg-idle-producer",
                        "tradekit.txmsg.topics=" + TOPIC + "," + NEVER_CREATED,
                        "tradekit.txmsg.idempotency.create-table=true",
                        "tradekit.txmsg.consumer.route-refresh-interval=1s").run()) {
            String dlq = "%DLQ%" + GROUP;
            assertThat(context.getBean(ConsumerContainer.class).deadLetterTopicsWaiting()).containsExactly(dlq);

            // Control: a plain client subscribed to a missing topic, refreshing routes as often as ours. Its
            // WARNs prove that RocketMQ's log reaches the captured output and that refresh rounds went by.
            String controlTopic = "%DLQ%txmsg-idle-control";
            DefaultMQPushConsumer control = new DefaultMQPushConsumer("txmsg-idle-control-reader");
            control.setNamesrvAddr(context.getEnvironment().getProperty("rocketmq.name-server"));
            control.setInstanceName("txmsg-idle-control");
            control.setPollNameServerInterval(1000);
            control.subscribe(controlTopic, "*");
            control.registerMessageListener((MessageListenerConcurrently) (messages, ctx) ->
                    ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            control.start();
            try {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> occurrences(output.getOut(), "get Topic [" + controlTopic + "]") >= 6);
            } finally {
                control.shutdown();
            }

            assertThat(output.getOut()).doesNotContain(dlq);
            assertThat(context.getBean(ConsumerContainer.class).deadLetterTopicsWaiting()).containsExactly(dlq);
            assertThat(output.getOut())
                    .containsOnlyOnce("Topics [" + NEVER_CREATED + "] listed in tradekit.txmsg.topics do not exist")
                    .doesNotContain("No topic route info in name server for the topic: " + NEVER_CREATED)
                    .doesNotContain("Topic " + TOPIC + " of consumer group");
        }
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
