package io.tradekit.devservices.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.devservices.DevServiceStartException;
import io.tradekit.devservices.support.FreePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.RedisCluster;
import org.redisson.api.redisnode.RedisClusterMaster;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

import static org.awaitility.Awaitility.await;

/** One real three-master cluster for the class, used through Redisson's cluster client. */
class RedisClusterDevServiceTest {

    private static RedisClusterDevService cluster;
    private static RedissonClient client;

    @BeforeAll
    static void start() {
        cluster = RedisClusterDevService.start();
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useClusterServers().setNodeAddresses(cluster.uris());
        config.useClusterServers().setMasterConnectionMinimumIdleSize(1).setMasterConnectionPoolSize(2)
                .setSlaveConnectionMinimumIdleSize(0);
        client = Redisson.create(config);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void threeMastersOnLoopbackShareTheSlots() throws Exception {
        assertThat(cluster.isRunning()).isTrue();
        assertThat(cluster.nodes()).hasSize(3).allMatch(n -> n.startsWith("127.0.0.1:"));
        assertThat(cluster.nodesProperty()).isEqualTo(String.join(",", cluster.nodes()));
        assertThat(new HashSet<>(cluster.ports())).hasSize(3);
        RedisCluster nodes = client.getRedisNodes(RedisNodes.CLUSTER);
        assertThat(nodes.getMasters()).hasSize(3);
        for (RedisClusterMaster master : nodes.getMasters()) {
            assertThat(master.clusterInfo().get("cluster_state")).isEqualTo("ok");
            assertThat(master.getConfig("bind").get("bind")).isEqualTo(FreePorts.LOOPBACK);
            assertThat(master.getConfig("appendonly").get("appendonly")).isEqualTo("no");
        }
        for (int port : cluster.ports()) {
            String info = RedisProcess.command(port, "CLUSTER INFO");
            assertThat(info).contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_known_nodes:3");
        }
    }

    @Test
    void keysOnEveryMasterAreWrittenAndReadThroughOneClient() throws Exception {
        for (int i = 0; i < 30; i++) {
            client.getBucket("devservices:cluster:" + i).set("v" + i);
        }
        for (int i = 0; i < 30; i++) {
            assertThat(client.<String>getBucket("devservices:cluster:" + i).get()).isEqualTo("v" + i);
        }
        // 30 keys over three thirds of the slot space: each master holds some.
        for (int port : cluster.ports()) {
            assertThat(RedisProcess.command(port, "DBSIZE")).as("keys on %d", port).doesNotStartWith(":0");
        }
    }

    @Test
    void aPublishedMessageReachesASubscriberOnTheCluster() {
        List<String> received = new CopyOnWriteArrayList<>();
        var topic = client.getTopic("devservices:cluster:topic");
        int listener = topic.addListener(String.class, (channel, message) -> received.add(message));
        try {
            await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> {
                topic.publish("hello-" + received.size());
                assertThat(received).isNotEmpty();
            });
        } finally {
            topic.removeListener(listener);
        }
    }

    @Test
    void withoutRedisCliItFailsNamingRedisTools() {
        RedisExecutableResolver noCli = new RedisExecutableResolver(RedisExecutableResolver.EMBEDDED_REDIS_JAR,
                "/nonexistent-tradekit-dir");
        assertThatThrownBy(() -> RedisClusterDevService.start(RedisSettings.DEFAULTS, noCli))
                .isInstanceOf(DevServiceStartException.class)
                .hasMessageContaining("redis-cli").hasMessageContaining("redis-tools");
    }

    @Test
    void closeStopsEveryNodeAndRemovesItsFiles() throws Exception {
        RedisClusterDevService other = RedisClusterDevService.start();
        Path dir = other.workDir();
        List<Integer> ports = other.ports();
        assertThat(Files.isDirectory(dir)).isTrue();
        other.close();
        other.close();
        assertThat(other.isRunning()).isFalse();
        assertThat(Files.exists(dir)).isFalse();
        for (int port : ports) {
            assertThat(FreePorts.isFree(port)).as("port %d after close", port).isTrue();
        }
    }
}
