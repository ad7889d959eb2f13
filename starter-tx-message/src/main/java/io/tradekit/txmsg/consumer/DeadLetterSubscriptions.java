package io.tradekit.txmsg.consumer;

import io.tradekit.txmsg.support.TopicRoutes;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Subscribes each dead-letter topic once it exists. The broker creates {@code %DLQ%<group>} with the
 * group's first dead letter; a consumer subscribed before that would ask the name server for the
 * missing route at every refresh, and the client logs a WARN with a stack trace each time — noise
 * for what only means "no dead letters yet". So a missing topic is looked up quietly, every
 * route-refresh interval, and its hook consumer starts (from the first offset: nothing is missed)
 * when the topic appears.
 */
final class DeadLetterSubscriptions {

    /** Starts the hook consumer of one dead-letter topic. */
    @FunctionalInterface
    interface Subscriber {
        void subscribe() throws MQClientException;
    }

    private static final Logger log = LoggerFactory.getLogger(DeadLetterSubscriptions.class);

    private final Map<String, Subscriber> pending = new LinkedHashMap<>();
    private final Duration interval;
    private MQClientInstance client;
    private ScheduledExecutorService timer;

    DeadLetterSubscriptions(Duration interval) {
        this.interval = interval;
    }

    /** Registers a dead-letter topic; subscribed at {@link #start} or later, once it exists. */
    synchronized void add(String topic, Subscriber subscriber) {
        pending.put(topic, subscriber);
    }

    /** Subscribes the topics that exist now and watches the others. */
    synchronized void start(MQClientInstance client) throws MQClientException {
        this.client = client;
        subscribeExisting();
        if (!pending.isEmpty()) {
            log.debug("Dead-letter topics {} do not exist yet (no dead letters); subscribed once they appear",
                    pending.keySet());
            timer = Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("tradekit-txmsg-dlq-watch-"));
            long millis = Math.max(100, interval.toMillis());
            timer.scheduleWithFixedDelay(this::watch, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Topics still waiting for their first dead letter. */
    synchronized List<String> waiting() {
        return List.copyOf(pending.keySet());
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        pending.clear();
    }

    private synchronized void watch() {
        if (timer == null) {
            return; // stopped meanwhile
        }
        try {
            subscribeExisting();
        } catch (MQClientException | RuntimeException e) {
            log.warn("Could not subscribe a dead-letter topic, trying again in {}: {}", interval, e.toString());
        }
        if (pending.isEmpty()) {
            timer.shutdown();
        }
    }

    private void subscribeExisting() throws MQClientException {
        for (Iterator<Map.Entry<String, Subscriber>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Subscriber> entry = it.next();
            if (TopicRoutes.lookup(client, entry.getKey()) == TopicRoutes.Route.PRESENT) {
                entry.getValue().subscribe();
                it.remove();
            }
        }
    }
}
