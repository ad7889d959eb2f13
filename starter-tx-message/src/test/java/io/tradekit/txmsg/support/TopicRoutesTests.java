package io.tradekit.txmsg.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.tradekit.devservices.DevServices;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.junit.jupiter.api.Test;

/** The quiet topic lookup against the real dev name server. */
class TopicRoutesTests {

    @Test
    @SuppressWarnings("deprecation")
    void tellsAnExistingTopicFromAMissingOneAndRefusesNulls() throws Exception {
        String nameServer = DevServices.rocketMq().nameServerAddress();
        DevServices.rocketMq().createTopic("txmsg-routes-present");
        DefaultMQProducer producer = new DefaultMQProducer("txmsg-routes-probe");
        producer.setNamesrvAddr(nameServer);
        producer.setInstanceName("txmsg-routes-probe");
        producer.start();
        try {
            MQClientInstance client = producer.getDefaultMQProducerImpl().getMqClientFactory();
            assertThat(TopicRoutes.lookup(client, "txmsg-routes-present")).isEqualTo(TopicRoutes.Route.PRESENT);
            assertThat(TopicRoutes.lookup(client, "%DLQ%txmsg-routes-nobody")).isEqualTo(TopicRoutes.Route.MISSING);
            assertThatNullPointerException().isThrownBy(() -> TopicRoutes.lookup(null, "t")).withMessage("client");
            assertThatNullPointerException().isThrownBy(() -> TopicRoutes.lookup(client, null)).withMessage("topic");
        } finally {
            producer.shutdown();
        }
    }
}
