package io.tradekit.txmsg.consumer;

import java.time.Duration;

/**
 * How the consumers are started.
 *
 * @param nameServer           the name server address list
 * @param maxReconsumeTimes    default retries before a message goes to the dead-letter queue
 * @param retryDelayLevel      delay level of a retry (0: the broker's back-off, 1 = 1 s, 2 = 5 s, 3 = 10 s, ...)
 * @param routeRefreshInterval how often the route is read from the name server (the DLQ topic appears late)
 * @param consumeThreads       consume threads per consumer
 * @param deadLetterHook       whether to subscribe {@code %DLQ%<group>} and run the hooks
 * @param heartbeatInterval    how often consumers heartbeat the brokers
 */
public record ConsumerSettings(String nameServer, int maxReconsumeTimes, int retryDelayLevel,
                               Duration routeRefreshInterval, int consumeThreads, boolean deadLetterHook,
                               Duration heartbeatInterval) {
}
