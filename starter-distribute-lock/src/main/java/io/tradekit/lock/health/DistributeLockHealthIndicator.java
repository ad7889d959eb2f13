package io.tradekit.lock.health;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.BaseRedisNodes;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.config.Config;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the distributed lock: a {@code PING} of every Redis node through the lock's own
 * {@link RedissonClient} ({@code pingAll} with the timeout), so the check sees what the lock sees.
 * Down when a node does not answer in time: locked methods then fail instead of running unlocked.
 * Details: the client, the topology and the reason when down.
 */
public class DistributeLockHealthIndicator extends AbstractHealthIndicator {

    private final RedissonClient redisson;
    private final Duration timeout;

    /**
     * @param redisson the lock's client
     * @param timeout  the longest wait for the ping of all nodes, positive
     */
    public DistributeLockHealthIndicator(RedissonClient redisson, Duration timeout) {
        super("Distributed lock Redis health check failed");
        this.redisson = Objects.requireNonNull(redisson, "redisson");
        this.timeout = DistributeLockHealthProperties.requirePositive(timeout);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("client", "redisson");
        if (redisson.isShutdown()) {
            builder.down().withDetail("error", "the RedissonClient is shut down");
            return;
        }
        RedisNodes<?> topology = topology(redisson.getConfig());
        builder.withDetail("topology", topology.getClazz().getSimpleName());
        BaseRedisNodes nodes = redisson.getRedisNodes(topology);
        if (nodes.pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            builder.up();
        } else {
            builder.down().withDetail("error", "a Redis node did not answer PING within " + timeout.toMillis() + " ms");
        }
    }

    /** The node group matching how the client was configured (replicated servers are master/replica too). */
    private static RedisNodes<?> topology(Config config) {
        if (config.isClusterConfig()) {
            return RedisNodes.CLUSTER;
        }
        if (config.isSentinelConfig()) {
            return RedisNodes.SENTINEL_MASTER_SLAVE;
        }
        return config.isSingleConfig() ? RedisNodes.SINGLE : RedisNodes.MASTER_SLAVE;
    }
}
