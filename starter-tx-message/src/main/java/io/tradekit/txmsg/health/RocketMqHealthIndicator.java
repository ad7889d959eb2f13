package io.tradekit.txmsg.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.body.Connection;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the transactional messaging, asked through the producer's own client (the
 * {@link MQClientAPIImpl} calls that {@code mqadmin} makes, without the tools jar):
 * <ul>
 *   <li>the name server answers and knows at least one master broker (else DOWN);</li>
 *   <li>this instance's producer is known to a master broker — brokers send check-backs only to
 *       producers that heartbeated them (else DOWN: half messages could not be resolved here);</li>
 *   <li>per subscription: the consumer lag (messages not consumed yet) and the consumers online;</li>
 *   <li>per consumer group: dead letters stored in its {@code %DLQ%} topic and, with the dead-letter
 *       hook, those the hook has not handled yet.</li>
 * </ul>
 * Lag and dead letters are details, not a status: they say the system is behind, not down. Every call
 * waits at most what is left of the check's {@link Budget}, so a dead server makes it DOWN quickly.
 */
public class RocketMqHealthIndicator extends AbstractHealthIndicator {

    private final TransactionMQProducer producer;
    private final List<Subscription> subscriptions;
    private final boolean deadLetterHook;
    private final String hookSuffix;
    private final Duration timeout;

    /**
     * @param producer       the started transactional producer
     * @param subscriptions  the application's consumer groups and topics
     * @param deadLetterHook whether each group's dead letters are read by a hook group
     * @param hookSuffix     suffix of the hook group's name ({@code <group><suffix>})
     * @param timeout        the budget of one whole check, positive
     */
    public RocketMqHealthIndicator(TransactionMQProducer producer, List<Subscription> subscriptions,
                                   boolean deadLetterHook, String hookSuffix, Duration timeout) {
        super("RocketMQ health check failed");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.subscriptions = List.copyOf(subscriptions);
        this.deadLetterHook = deadLetterHook;
        this.hookSuffix = Objects.requireNonNull(hookSuffix, "hookSuffix");
        this.timeout = TxMessageHealthProperties.requirePositive(timeout);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("nameServer", String.valueOf(producer.getNamesrvAddr()));
        MQClientInstance client = producer.getDefaultMQProducerImpl().getMqClientFactory();
        if (client == null) {
            builder.down().withDetail("error", "the transactional producer is not started");
            return;
        }
        MQClientAPIImpl api = client.getMQClientAPIImpl();
        Budget budget = new Budget(timeout);

        Map<String, String> masters = masters(api.getBrokerClusterInfo(budget.millisLeft()));
        builder.withDetail("brokers", masters.keySet());
        if (masters.isEmpty()) {
            builder.down().withDetail("error", "the name server knows no master broker");
            return;
        }
        Map<String, Object> producerDetails = producer(api, client.getClientId(), masters, budget);
        builder.withDetail("producer", producerDetails);
        Map<String, Object> consumers = new LinkedHashMap<>();
        for (Subscription subscription : subscriptions) {
            consumers.put(subscription.group(), consumer(api, subscription, masters, budget));
        }
        if (!consumers.isEmpty()) {
            builder.withDetail("consumers", consumers);
        }
        if (Boolean.TRUE.equals(producerDetails.get("online"))) {
            builder.up();
        } else {
            builder.down().withDetail("error", "no broker knows this instance's producer (group "
                    + producer.getProducerGroup() + "): it cannot answer check-backs; list the topics in "
                    + "tradekit.txmsg.topics so that it heartbeats the brokers at start-up");
        }
    }

    /** Broker name to master address, sorted by name. */
    private static Map<String, String> masters(ClusterInfo cluster) {
        Map<String, String> masters = new TreeMap<>();
        if (cluster != null && cluster.getBrokerAddrTable() != null) {
            for (BrokerData broker : cluster.getBrokerAddrTable().values()) {
                String master = broker.getBrokerAddrs() == null ? null : broker.getBrokerAddrs().get(MixAll.MASTER_ID);
                if (master != null) {
                    masters.put(broker.getBrokerName(), master);
                }
            }
        }
        return masters;
    }

    private Map<String, Object> producer(MQClientAPIImpl api, String clientId, Map<String, String> masters,
                                         Budget budget) throws Exception {
        Set<String> clients = new HashSet<>();
        for (String address : masters.values()) {
            try {
                for (Connection connection : api.getProducerConnectionList(address, producer.getProducerGroup(),
                        budget.millisLeft()).getConnectionSet()) {
                    clients.add(connection.getClientId());
                }
            } catch (MQBrokerException e) {
                // The broker answers an error when no producer of the group is connected to it.
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("group", producer.getProducerGroup());
        details.put("online", clients.contains(clientId));
        details.put("instances", clients.size());
        return details;
    }

    private Map<String, Object> consumer(MQClientAPIImpl api, Subscription subscription, Map<String, String> masters,
                                         Budget budget) throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topic", subscription.topic());
        long lag = 0;
        Set<String> online = new HashSet<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, String> master : masters.entrySet()) {
            try {
                lag += api.getConsumeStats(master.getValue(), subscription.group(), subscription.topic(),
                        budget.millisLeft()).computeTotalDiff();
            } catch (MQBrokerException e) {
                errors.add(master.getKey() + ": " + e.getErrorMessage());
            }
            try {
                online.addAll(api.getConsumerIdListByGroup(master.getValue(), subscription.group(), budget.millisLeft()));
            } catch (MQBrokerException e) {
                // No consumer of the group connected to this broker.
            }
        }
        details.put("lag", lag);
        details.put("online", online.size());
        deadLetters(api, subscription.group(), details, budget);
        if (!errors.isEmpty()) {
            details.put("errors", errors);
        }
        return details;
    }

    /** Dead letters stored in the group's DLQ and, with the hook, those not handled yet. */
    private void deadLetters(MQClientAPIImpl api, String group, Map<String, Object> details, Budget budget)
            throws Exception {
        String topic = MixAll.getDLQTopic(group);
        TopicRouteData route;
        try {
            route = api.getTopicRouteInfoFromNameServer(topic, budget.millisLeft(), false);
        } catch (MQClientException e) {
            if (e.getResponseCode() != ResponseCode.TOPIC_NOT_EXIST) {
                throw e;
            }
            details.put("deadLetters", 0L); // the broker creates the topic with the first dead letter
            return;
        }
        Map<String, String> masters = new TreeMap<>();
        for (BrokerData broker : route.getBrokerDatas()) {
            String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
            if (master != null) {
                masters.put(broker.getBrokerName(), master);
            }
        }
        long stored = 0;
        for (QueueData queues : route.getQueueDatas()) {
            String address = masters.get(queues.getBrokerName());
            for (int id = 0; address != null && id < queues.getReadQueueNums(); id++) {
                MessageQueue queue = new MessageQueue(topic, queues.getBrokerName(), id);
                stored += api.getMaxOffset(address, queue, budget.millisLeft())
                        - api.getMinOffset(address, queue, budget.millisLeft());
            }
        }
        details.put("deadLetters", stored);
        if (deadLetterHook) {
            long unhandled = 0;
            for (String address : masters.values()) {
                try {
                    unhandled += api.getConsumeStats(address, group + hookSuffix, topic, budget.millisLeft())
                            .computeTotalDiff();
                } catch (MQBrokerException e) {
                    unhandled = stored; // the hook group has not subscribed yet: nothing handled
                    break;
                }
            }
            details.put("deadLettersUnhandled", unhandled);
        }
    }
}
