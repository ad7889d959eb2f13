package io.tradekit.devservices.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.junit.WithDevServices;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

@WithDevServices
class RocketMqDevServiceTest {

    @Test
    void sendsAndConsumesAMessageThroughTheRealBroker(RocketMqDevService rocketMq) throws Exception {
        String topic = "devservices-roundtrip";
        rocketMq.createTopic(topic);
        BlockingQueue<MessageExt> received = new LinkedBlockingQueue<>();

        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("devservices-test-consumer");
        consumer.setNamesrvAddr(rocketMq.nameServerAddress());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            received.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer producer = new DefaultMQProducer("devservices-test-producer");
        producer.setNamesrvAddr(rocketMq.nameServerAddress());
        try {
            consumer.start();
            producer.start();

            SendResult result = producer.send(new Message(topic, "tagA", "key-1",
                    "hello broker".getBytes(StandardCharsets.UTF_8)));
            MessageExt message = received.poll(30, TimeUnit.SECONDS);

            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(message).as("message consumed within 30 s").isNotNull();
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello broker");
            assertThat(message.getKeys()).isEqualTo("key-1");
            assertThat(message.getStoreHost().toString()).contains("127.0.0.1");
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    @Test
    void restartedBrokerKeepsItsPortAndItsStore(RocketMqDevService rocketMq) throws Exception {
        String topic = "devservices-restart";
        rocketMq.createTopic(topic);
        String brokerAddress = rocketMq.brokerAddress();
        DefaultMQProducer producer = new DefaultMQProducer("devservices-restart-producer");
        producer.setNamesrvAddr(rocketMq.nameServerAddress());
        producer.setInstanceName("devservices-restart");
        org.apache.rocketmq.client.producer.MessageQueueSelector firstQueue = (queues, message, arg) -> queues.get(0);
        try {
            producer.start();
            SendResult before = producer.send(new Message(topic, "before".getBytes(StandardCharsets.UTF_8)), firstQueue, null);

            rocketMq.restartBroker();

            SendResult after = null;
            for (int attempt = 0; attempt < 60 && after == null; attempt++) {
                try {
                    after = producer.send(new Message(topic, "after".getBytes(StandardCharsets.UTF_8)), firstQueue, null);
                } catch (Exception reconnecting) {
                    Thread.sleep(500);
                }
            }
            assertThat(after).as("a send succeeds after the restart").isNotNull();
            assertThat(rocketMq.brokerAddress()).isEqualTo(brokerAddress);
            assertThat(rocketMq.hasRoute(topic)).isTrue();
            assertThat(after.getMessageQueue()).isEqualTo(before.getMessageQueue());
            assertThat(after.getQueueOffset()).as("the queue kept its messages").isEqualTo(before.getQueueOffset() + 1);
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void addressesAreOnLoopback(RocketMqDevService rocketMq) {
        assertThat(rocketMq.nameServerAddress()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(rocketMq.brokerAddress()).matches("127\\.0\\.0\\.1:\\d+");
        assertThat(DevServices.rocketMq()).isSameAs(rocketMq);
    }

    @Test
    void createsTopicsAskedForByALaterRequest(RocketMqDevService rocketMq) {
        RocketMqDevService same = DevServices.rocketMq(new RocketMqSettings(Duration.ofSeconds(1), Duration.ofSeconds(1),
                List.of("devservices-late-topic"), Duration.ofSeconds(30)));

        assertThat(same).isSameAs(rocketMq);
        assertThat(rocketMq.hasRoute("devservices-late-topic")).isTrue();
    }

    @Test
    void rejectsHostileOrMalformedTopicNames(RocketMqDevService rocketMq) {
        for (String bad : new String[] {null, "", "has space", "a/b", "x".repeat(128), "topic\nnext"}) {
            assertThatThrownBy(() -> rocketMq.createTopic(bad))
                    .as("topic %s", bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Invalid RocketMQ topic name");
        }
        assertThatThrownBy(() -> new RocketMqSettings(Duration.ZERO, Duration.ofSeconds(1), List.of(), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("check interval");
    }
}
