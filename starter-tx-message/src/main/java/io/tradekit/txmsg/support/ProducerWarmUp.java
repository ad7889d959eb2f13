package io.tradekit.txmsg.support;

import java.util.List;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a just-started producer known to the brokers: the client heartbeats only brokers it has a
 * route to, and a broker sends check-backs only to producers of the group that heartbeated. Without
 * this, a fresh instance could not answer a check-back for a half message another instance left.
 */
public final class ProducerWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);

    private ProducerWarmUp() {
    }

    /** Reads the routes of {@code topics} (and of the default topic key) and heartbeats their brokers. */
    public static void announce(TransactionMQProducer producer, List<String> topics) {
        MQClientInstance client = producer.getDefaultMQProducerImpl().getMqClientFactory();
        boolean known = false;
        for (String topic : topics) {
            known |= refresh(client, topic);
        }
        if (!known) {
            known = refresh(client, producer.getCreateTopicKey());
        }
        if (known) {
            client.sendHeartbeatToAllBrokerWithLock();
        } else {
            log.warn("Transactional producer group {}: no broker route found at start-up (set tradekit.txmsg.topics);"
                    + " this instance answers check-backs only after its first send", producer.getProducerGroup());
        }
    }

    private static boolean refresh(MQClientInstance client, String topic) {
        try {
            return client.updateTopicRouteInfoFromNameServer(topic);
        } catch (RuntimeException e) {
            log.warn("Transactional producer: no route for topic {} at start-up: {}", topic, e.toString());
            return false;
        }
    }
}
