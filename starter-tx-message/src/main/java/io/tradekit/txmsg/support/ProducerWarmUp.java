package io.tradekit.txmsg.support;

import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a just-started producer known to the brokers: the client heartbeats only brokers it has a
 * route to, and a broker sends check-backs only to producers of the group that heartbeated. Without
 * this, a fresh instance could not answer a check-back for a half message another instance left.
 * A configured topic that does not exist is named in one WARN (the starter does not create topics).
 */
public final class ProducerWarmUp {

    private static final Logger log = LoggerFactory.getLogger(ProducerWarmUp.class);

    private ProducerWarmUp() {
    }

    /** Reads the routes of {@code topics} (and of the default topic key) and heartbeats their brokers. */
    @SuppressWarnings("deprecation") // the client offers no other way to its route table
    public static void announce(TransactionMQProducer producer, List<String> topics) {
        MQClientInstance client = producer.getDefaultMQProducerImpl().getMqClientFactory();
        boolean known = false;
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String topic : topics) {
            switch (TopicRoutes.lookup(client, topic)) {
                case PRESENT -> known |= client.updateTopicRouteInfoFromNameServer(topic);
                case MISSING -> missing.add(topic);
                case UNKNOWN -> unknown.add(topic);
            }
        }
        if (!missing.isEmpty()) {
            log.warn("Topics {} listed in tradekit.txmsg.topics do not exist on name server {}: create them "
                    + "(mqadmin updateTopic; the dev broker: tradekit.dev-services.rocketmq.topics). Until then a broker "
                    + "with autoCreateTopicEnable creates one at its first send, and consumers see it only after their "
                    + "next route refresh", missing, producer.getNamesrvAddr());
        }
        if (!unknown.isEmpty()) {
            log.warn("Transactional producer: name server {} did not answer for topics {} at start-up",
                    producer.getNamesrvAddr(), unknown);
        }
        if (!known && TopicRoutes.lookup(client, producer.getCreateTopicKey()) == TopicRoutes.Route.PRESENT) {
            known = client.updateTopicRouteInfoFromNameServer(producer.getCreateTopicKey());
        }
        if (known) {
            client.sendHeartbeatToAllBrokerWithLock();
        } else {
            log.warn("Transactional producer group {}: no broker route found at start-up (set tradekit.txmsg.topics);"
                    + " this instance answers check-backs only after its first send", producer.getProducerGroup());
        }
    }
}
