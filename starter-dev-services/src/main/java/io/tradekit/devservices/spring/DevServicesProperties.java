package io.tradekit.devservices.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dev servers, {@code tradekit.dev-services.*}.
 *
 * <p>Bound by {@link DevServicesEnvironmentPostProcessor} before any bean exists (so it is not a
 * bean itself). A server's {@code enabled} left unset means "on when the application has a client
 * for it on the classpath".
 */
@ConfigurationProperties("tradekit.dev-services")
public class DevServicesProperties {

    /** Whether dev servers may start at all; false switches every one off. */
    private boolean enabled = true;

    /**
     * Whether the servers run in another process (DevServersMain) whose address file this application
     * imports: nothing starts here, and Dubbo is still kept on loopback. Written by that file.
     */
    private boolean sharedServers = false;

    /** Process id of the shared servers' launcher (informational; written by its address file). */
    private Long sharedServersPid;

    /**
     * Whether this application exits when the process that started it is gone (its standard input ends, or
     * that process exits), even after a {@code kill -9} of it: set by a test or load driver that starts the
     * application as a child JVM ({@code BootAppProcess}), so no child outlives it.
     */
    private boolean exitWithParent = false;

    private final Redis redis = new Redis();

    private final RocketMq rocketmq = new RocketMq();

    private final ZooKeeper zookeeper = new ZooKeeper();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isSharedServers() {
        return sharedServers;
    }

    public void setSharedServers(boolean sharedServers) {
        this.sharedServers = sharedServers;
    }

    public boolean isExitWithParent() {
        return exitWithParent;
    }

    public void setExitWithParent(boolean exitWithParent) {
        this.exitWithParent = exitWithParent;
    }

    public Long getSharedServersPid() {
        return sharedServersPid;
    }

    public void setSharedServersPid(Long sharedServersPid) {
        this.sharedServersPid = sharedServersPid;
    }

    public Redis getRedis() {
        return redis;
    }

    public RocketMq getRocketmq() {
        return rocketmq;
    }

    public ZooKeeper getZookeeper() {
        return zookeeper;
    }

    /** The Redis server. */
    public static class Redis {

        /**
         * Whether to start a Redis server and point spring.data.redis.* and Redisson at it. Unset:
         * on when Redisson or Spring Data Redis is on the classpath.
         */
        private Boolean enabled;

        /** Port on 127.0.0.1; 0 picks a free port. */
        private int port = 0;

        /** A redis-server binary to run instead of the embedded one or the one on PATH. */
        private Path executable;

        /** How long to wait for the server to answer PING. */
        private Duration startTimeout = Duration.ofSeconds(10);

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public int getPort() {
            return port;
        }

        public void setPort(int port) {
            this.port = port;
        }

        public Path getExecutable() {
            return executable;
        }

        public void setExecutable(Path executable) {
            this.executable = executable;
        }

        public Duration getStartTimeout() {
            return startTimeout;
        }

        public void setStartTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
        }
    }

    /** The RocketMQ name server and broker. */
    public static class RocketMq {

        /**
         * Whether to start a name server and broker and set rocketmq.name-server. Unset: on when
         * rocketmq-client (or rocketmq-spring) is on the classpath.
         */
        private Boolean enabled;

        /** How often the broker checks back on half messages left UNKNOWN (production default 30s). */
        private Duration transactionCheckInterval = Duration.ofSeconds(1);

        /** How old a half message must be before its first check-back (production default 6s). */
        private Duration transactionTimeout = Duration.ofSeconds(1);

        /** Topics created before the application starts, so the first send finds a route. */
        private List<String> topics = new ArrayList<>();

        /** How long to wait for the broker and the topic routes. */
        private Duration startTimeout = Duration.ofSeconds(30);

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getTransactionCheckInterval() {
            return transactionCheckInterval;
        }

        public void setTransactionCheckInterval(Duration transactionCheckInterval) {
            this.transactionCheckInterval = transactionCheckInterval;
        }

        public Duration getTransactionTimeout() {
            return transactionTimeout;
        }

        public void setTransactionTimeout(Duration transactionTimeout) {
            this.transactionTimeout = transactionTimeout;
        }

        public List<String> getTopics() {
            return topics;
        }

        public void setTopics(List<String> topics) {
            this.topics = topics;
        }

        public Duration getStartTimeout() {
            return startTimeout;
        }

        public void setStartTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
        }
    }

    /** The ZooKeeper server. */
    public static class ZooKeeper {

        /**
         * Whether to start a ZooKeeper server and set dubbo.registry.address. Unset: on when Dubbo
         * and the Curator client are on the classpath.
         */
        private Boolean enabled;

        public Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(Boolean enabled) {
            this.enabled = enabled;
        }
    }
}
