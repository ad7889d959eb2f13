package io.tradekit.txmsg.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the transactional message starter ({@code tradekit.txmsg.*}). */
@ConfigurationProperties(prefix = "tradekit.txmsg")
public class TxMessageProperties {

    /** Whether the starter configures the template, the transaction listener and the consumers. */
    private boolean enabled = true;

    /**
     * Name server address list ("host:port;host:port"); empty means the value of rocketmq.name-server (the key
     * rocketmq-spring reads, also set by tradekit-dev-services). Neither set while the application uses the
     * starter: start-up fails.
     */
    private String nameServer;

    /** Producer group of the transactional producer; every instance of the application uses the same one so any of them can answer a check-back. */
    private String producerGroup = "tradekit-txmsg-producer";

    /**
     * Topics this application sends transactional messages to. Their routes are read and a
     * heartbeat sent at start-up, so a fresh instance can answer check-backs before its first send
     * (the broker asks only producers it has heard from).
     */
    private java.util.List<String> topics = new java.util.ArrayList<>();

    /**
     * How often the producer and the consumers heartbeat the brokers. A restarted broker sends check-backs only to
     * producers that heartbeated it since, and each failed attempt counts toward the broker's
     * transactionCheckMax: keep this well below transactionCheckInterval x transactionCheckMax.
     */
    private Duration heartbeatInterval = Duration.ofSeconds(30);

    /** Timeout of sending the half message to the broker. */
    private Duration sendTimeout = Duration.ofSeconds(3);

    /** Largest accepted JSON payload, in bytes (RocketMQ's own limit is 4 MiB). */
    private int maxPayloadBytes = 1048576;

    /** Check-back settings. */
    private final Check check = new Check();

    /** Consumer settings. */
    private final Consumer consumer = new Consumer();

    /** Idempotency guard settings (JDBC store). */
    private final Idempotency idempotency = new Idempotency();

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getNameServer() { return nameServer; }
    public void setNameServer(String nameServer) { this.nameServer = nameServer; }
    public String getProducerGroup() { return producerGroup; }
    public void setProducerGroup(String producerGroup) { this.producerGroup = producerGroup; }
    public java.util.List<String> getTopics() { return topics; }
    public void setTopics(java.util.List<String> topics) { this.topics = topics; }
    public Duration getHeartbeatInterval() { return heartbeatInterval; }
    public void setHeartbeatInterval(Duration heartbeatInterval) { this.heartbeatInterval = heartbeatInterval; }
    public Duration getSendTimeout() { return sendTimeout; }
    public void setSendTimeout(Duration sendTimeout) { this.sendTimeout = sendTimeout; }
    public int getMaxPayloadBytes() { return maxPayloadBytes; }
    public void setMaxPayloadBytes(int maxPayloadBytes) { this.maxPayloadBytes = maxPayloadBytes; }
    public Check getCheck() { return check; }
    public Consumer getConsumer() { return consumer; }
    public Idempotency getIdempotency() { return idempotency; }

    /** Check-back settings (how often the broker checks is a broker setting: transactionCheckInterval, transactionCheckMax). */
    public static class Check {

        /** Threads answering the broker's check-backs. */
        private int threads = 2;

        /** Check-backs that may wait for a thread before new ones are refused (the broker asks again). */
        private int queueCapacity = 2000;

        /**
         * How long after its half message was sent a check-back's ROLLBACK is answered UNKNOWN instead: the
         * local transaction may still be running, not yet committed (the broker's first check comes after its
         * transactionTimeout, which a slow local transaction can outlive). Every local transaction must end
         * within it; one that does not is refused or logged at ERROR. 0 turns it off (ROLLBACK at once).
         */
        private Duration undecidedWindow = Duration.ofSeconds(20);

        public int getThreads() { return threads; }
        public void setThreads(int threads) { this.threads = threads; }
        public int getQueueCapacity() { return queueCapacity; }
        public void setQueueCapacity(int queueCapacity) { this.queueCapacity = queueCapacity; }
        public Duration getUndecidedWindow() { return undecidedWindow; }
        public void setUndecidedWindow(Duration undecidedWindow) {
            if (undecidedWindow == null || undecidedWindow.isNegative()) {
                throw new IllegalArgumentException("tradekit.txmsg.check.undecided-window must be 0 or positive, was "
                        + undecidedWindow);
            }
            this.undecidedWindow = undecidedWindow;
        }
    }

    /** Consumer settings, shared by every TransactionalMessageConsumer bean. */
    public static class Consumer {

        /** Retries before a message goes to the dead-letter topic %DLQ%{group} (a consumer may override it). */
        private int maxReconsumeTimes = 16;

        /** Delay level of each retry: 0 leaves the broker's growing back-off (10 s, 30 s, 1 min, ...); 1 = 1 s, 2 = 5 s, 3 = 10 s. */
        private int retryDelayLevel = 0;

        /**
         * How often consumers re-read routes from the name server, and how often a dead-letter topic that does not
         * exist yet is looked for: its hook starts at most this long after the first dead letter.
         */
        private Duration routeRefreshInterval = Duration.ofSeconds(30);

        /** Consume threads per consumer. */
        private int consumeThreads = 4;

        /** Whether each consumer group's %DLQ% topic is read and handed to the dead-letter hooks. */
        private boolean deadLetterHook = true;

        public int getMaxReconsumeTimes() { return maxReconsumeTimes; }
        public void setMaxReconsumeTimes(int maxReconsumeTimes) { this.maxReconsumeTimes = maxReconsumeTimes; }
        public int getRetryDelayLevel() { return retryDelayLevel; }
        public void setRetryDelayLevel(int retryDelayLevel) { this.retryDelayLevel = retryDelayLevel; }
        public Duration getRouteRefreshInterval() { return routeRefreshInterval; }
        public void setRouteRefreshInterval(Duration routeRefreshInterval) { this.routeRefreshInterval = routeRefreshInterval; }
        public int getConsumeThreads() { return consumeThreads; }
        public void setConsumeThreads(int consumeThreads) { this.consumeThreads = consumeThreads; }
        public boolean isDeadLetterHook() { return deadLetterHook; }
        public void setDeadLetterHook(boolean deadLetterHook) { this.deadLetterHook = deadLetterHook; }
    }

    /** Idempotency guard settings of the JDBC store. */
    public static class Idempotency {

        /** Table recording (consumer_group, message_key) of handled messages. */
        private String table = "tradekit_txmsg_consumed";

        /** Whether to CREATE TABLE IF NOT EXISTS at start-up (embedded databases and tests; use migrations in production). */
        private boolean createTable = false;

        public String getTable() { return table; }
        public void setTable(String table) { this.table = table; }
        public boolean isCreateTable() { return createTable; }
        public void setCreateTable(boolean createTable) { this.createTable = createTable; }
    }
}
