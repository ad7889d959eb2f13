package io.tradekit.devservices.rocketmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.devservices.fault.FaultProxy;
import io.tradekit.devservices.junit.WithDevServices;
import java.nio.charset.StandardCharsets;
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

/**
 * The dev broker advertised at a {@link FaultProxy}'s port: clients reach it only through the proxy (a cut of
 * the proxy fails their sends although the broker is up), and after the test it is advertised at its own port
 * again, for the other tests of this JVM.
 */
@WithDevServices
class BrokerBehindFaultProxyTest {

    @Test
    void clientsRouteThroughTheProxyTheBrokerIsAdvertisedAt(RocketMqDevService rocketMq) throws Exception {
        String topic = "devservices-behind-proxy";
        rocketMq.createTopic(topic);
        BlockingQueue<MessageExt> received = new LinkedBlockingQueue<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("devservices-proxy-consumer");
        consumer.setNamesrvAddr(rocketMq.nameServerAddress());
        consumer.setInstanceName("devservices-proxy");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            received.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQProducer producer = new DefaultMQProducer("devservices-proxy-producer");
        producer.setNamesrvAddr(rocketMq.nameServerAddress());
        producer.setInstanceName("devservices-proxy");
        producer.setSendMsgTimeout(1_000);
        producer.setRetryTimesWhenSendFailed(0);
        try (FaultProxy proxy = FaultProxy.start("127.0.0.1", rocketMq.brokerPort())) {
            rocketMq.advertiseBrokerAt(proxy.port());
            try {
                assertThat(rocketMq.advertisedBrokerAddress()).isEqualTo("127.0.0.1:" + proxy.port());
                assertThat(rocketMq.brokerAddress()).isEqualTo("127.0.0.1:" + rocketMq.brokerPort());
                consumer.start();
                producer.start();

                SendResult sent = producer.send(message(topic, "through the proxy"));
                MessageExt message = received.poll(30, TimeUnit.SECONDS);

                assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                assertThat(message).as("message consumed within the bound of this wait (30 s)").isNotNull();
                assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("through the proxy");
                assertThat(proxy.acceptedConnections()).as("connections the clients opened through the proxy")
                        .isPositive();

                // The broker is up; only the proxy is cut: a send that still reached the broker directly would pass.
                proxy.cut();
                assertThatThrownBy(() -> producer.send(message(topic, "during the cut")))
                        .as("a send while the proxy is cut").isInstanceOf(Exception.class);
                proxy.heal();
                SendResult healed = null;
                for (int attempt = 0; attempt < 50 && healed == null; attempt++) {
                    try {
                        healed = producer.send(message(topic, "after the heal"));
                    } catch (Exception e) {
                        Thread.sleep(200); // the client reconnects on its next request
                    }
                }
                assertThat(healed).as("a send after the heal, within the bound of this wait (50 tries)").isNotNull();
                assertThat(healed.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                assertThat(proxy.refusedConnections() + proxy.acceptedConnections())
                        .as("the clients came back through the proxy").isGreaterThan(1);
            } finally {
                producer.shutdown();
                consumer.shutdown();
                rocketMq.advertiseBrokerAtItsOwnPort();
            }
        }
        assertThat(rocketMq.advertisedBrokerAddress()).isEqualTo(rocketMq.brokerAddress());
    }

    private static Message message(String topic, String body) {
        return new Message(topic, body.getBytes(StandardCharsets.UTF_8));
    }
}
