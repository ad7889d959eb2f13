package io.tradekit.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.devservices.redis.RedisClusterDevService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisNodes;

/**
 * The across-instances contract (mutual exclusion, waiting for the other's release, watchdog, lease
 * expiry with fencing) on a three-master Redis Cluster: both instances get their Redisson client from
 * redisson-spring-boot-starter through {@code spring.data.redis.cluster.nodes}, as an application on a
 * cluster would. The lock hash and its fence counter share the hash tag {@code {scene#key}}, so the
 * fencing script's two keys live in one slot.
 */
class DistributeLockOnClusterTests extends DistributeLockAcrossInstancesContract {

    private RedisClusterDevService cluster;

    // Called by the contract's @BeforeAll, which runs before any of a subclass's: the cluster starts here.
    @Override
    String[] redisProperties() {
        cluster = RedisClusterDevService.start();
        return new String[] {
                "tradekit.dev-services.redis.enabled=false",
                "spring.data.redis.cluster.nodes=" + cluster.nodesProperty()
        };
    }

    @Override
    void afterInstancesClosed() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void bothInstancesTalkToTheThreeMasters() {
        for (String instance : new String[] {"a", "b"}) {
            RedissonClient redisson = instance(instance).getBean(RedissonClient.class);
            assertThat(redisson.getConfig().isClusterConfig()).as(instance).isTrue();
            assertThat(redisson.getRedisNodes(RedisNodes.CLUSTER).getMasters()).as(instance).hasSize(3);
        }
    }

    @Test
    void aHolderReentersItsLockWhichStaysHeldAgainstTheOtherInstanceUntilTheOuterRelease() throws Exception {
        DistributeLockTemplate onA = instance("a").getBean(DistributeLockTemplate.class);
        DistributeLockTemplate onB = instance("b").getBean(DistributeLockTemplate.class);
        AtomicInteger bRan = new AtomicInteger();
        onA.execute("REENTER", "k", -1, -1, () -> {
            long outer = DistributeLockContext.fencingToken();
            long inner = onA.execute("REENTER", "k", -1, 0, DistributeLockContext::fencingToken);
            assertThat(inner).as("re-entered at once, fenced anew").isGreaterThan(outer);
            // The inner release must not free the lock: B, trying once from another thread, fails.
            assertThatThrownBy(() -> onOtherThread(() -> onB.execute("REENTER", "k", -1, 0, bRan::incrementAndGet)))
                    .hasCauseInstanceOf(DistributeLockException.class);
            return null;
        });
        assertThat(bRan).hasValue(0);
        assertThat(onOtherThread(() -> onB.execute("REENTER", "k", -1, 0, bRan::incrementAndGet))).isEqualTo(1);
    }

    private static <T> T onOtherThread(java.util.function.Supplier<T> action) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            return pool.submit(action::get).get(20, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
