package io.tradekit.devservices.rocketmq;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to start the RocketMQ dev name server and broker: {@link RocketMqDevService#start(RocketMqSettings)} reads it.
 *
 * @param transactionCheckInterval how often the broker checks back on half messages whose local
 *                                 transaction answered UNKNOWN (production default 30 s)
 * @param transactionTimeout       how old a half message must be before its first check-back
 *                                 (production default 6 s)
 * @param topics                   topics created before the broker reports ready, so the first
 *                                 send finds a route at once
 * @param startTimeout             how long to wait for the routes of {@code topics} to appear
 */
public record RocketMqSettings(Duration transactionCheckInterval, Duration transactionTimeout,
                               List<String> topics, Duration startTimeout) {

    /** Check-backs after about a second, no pre-created topics, 30 s to start. */
    public static final RocketMqSettings DEFAULTS = new RocketMqSettings(
            Duration.ofSeconds(1), Duration.ofSeconds(1), List.of(), Duration.ofSeconds(30));

    public RocketMqSettings {
        requirePositive(transactionCheckInterval, "transaction check interval");
        requirePositive(transactionTimeout, "transaction timeout");
        requirePositive(startTimeout, "start timeout");
        topics = List.copyOf(Objects.requireNonNull(topics, "topics"));
        for (String topic : topics) {
            RocketMqDevService.requireValidTopic(topic);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("RocketMQ dev service " + name + " must be positive, was " + value);
        }
    }
}
