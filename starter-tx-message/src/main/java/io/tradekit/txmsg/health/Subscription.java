package io.tradekit.txmsg.health;

import java.util.Objects;

/**
 * One consumer group reading one topic, as the health check reports it.
 *
 * @param group the consumer group
 * @param topic the topic it reads
 */
public record Subscription(String group, String topic) {

    /** Checks that both names are present. */
    public Subscription {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(topic, "topic");
    }
}
