package io.tradekit.devservices.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradekit.devservices.DevServiceStartException;
import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.junit.WithDevServices;
import io.tradekit.devservices.support.FreePorts;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

@WithDevServices
class RedisDevServiceTest {

    private static RedissonClient client;

    @BeforeAll
    static void connect(RedisDevService redis) {
        Config config = new Config();
        config.setCodec(StringCodec.INSTANCE);
        config.useSingleServer().setAddress(redis.uri()).setConnectionMinimumIdleSize(1).setConnectionPoolSize(2);
        client = Redisson.create(config);
    }

    @AfterAll
    static void disconnect() {
        client.shutdown();
    }

    @Test
    void answersPingSetAndGetThroughRedisson(RedisDevService redis) {
        assertThat(redis.isRunning()).isTrue();
        assertThat(client.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE).pingAll()).isTrue();

        RBucket<String> bucket = client.getBucket("devservices:answer", StringCodec.INSTANCE);
        bucket.set("42");
        assertThat(client.<String>getBucket("devservices:answer", StringCodec.INSTANCE).get()).isEqualTo("42");
    }

    @Test
    void listensOnLoopbackOnlyAndPersistsNothing(RedisDevService redis) {
        Map<String, String> bind = client.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE)
                .getInstance().getConfig("bind");
        Map<String, String> save = client.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE)
                .getInstance().getConfig("save");
        Map<String, String> appendOnly = client.getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE)
                .getInstance().getConfig("appendonly");

        assertThat(bind).containsEntry("bind", "127.0.0.1");
        assertThat(save).containsEntry("save", "");
        assertThat(appendOnly).containsEntry("appendonly", "no");
        assertThat(redis.host()).isEqualTo("127.0.0.1");
        assertThat(redis.uri()).isEqualTo("redis://127.0.0.1:" + redis.port());
    }

    @Test
    void isSharedByEveryRequestInTheJvm(RedisDevService redis) {
        assertThat(DevServices.redis()).isSameAs(redis);
    }

    @Test
    void failsWithActionableMessageWhenFixedPortIsTaken() throws Exception {
        try (ServerSocket holder = new ServerSocket()) {
            holder.bind(new InetSocketAddress(InetAddress.getByName(FreePorts.LOOPBACK), 0));
            RedisSettings settings = new RedisSettings(holder.getLocalPort(), null, Duration.ofSeconds(5));

            assertThatThrownBy(() -> RedisDevService.start(settings))
                    .isInstanceOf(DevServiceStartException.class)
                    .hasMessageContaining("Redis dev service")
                    .hasMessageContaining("port " + holder.getLocalPort())
                    .hasMessageContaining("already in use")
                    .hasMessageContaining("tradekit.dev-services.redis.port=0");
        }
    }

    @Test
    void startsAndStopsASecondIndependentServer(RedisDevService shared) {
        RedisDevService second = RedisDevService.start(RedisSettings.DEFAULTS);
        try {
            assertThat(second.port()).isNotEqualTo(shared.port());
            assertThat(second.isRunning()).isTrue();
        } finally {
            second.close();
        }
        assertThat(second.isRunning()).isFalse();
        assertThat(FreePorts.isFree(second.port())).isTrue();
        assertThat(shared.isRunning()).isTrue();
    }

    @Test
    void rejectsInvalidSettings() {
        assertThatThrownBy(() -> new RedisSettings(-1, null, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> new RedisSettings(70000, null, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
        assertThatThrownBy(() -> new RedisSettings(0, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
        assertThatThrownBy(() -> new RedisSettings(0, null, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keepsRecentOutputForDiagnosis(@org.junit.jupiter.api.io.TempDir java.nio.file.Path work) {
        // An argument redis-server rejects: the process exits and its complaint is in the error.
        RedisProcess process = RedisProcess.launch(
                new RedisExecutableResolver().resolve(null, work),
                FreePorts.next(), java.nio.file.Path.of("/nonexistent-dir-for-tradekit-test"));
        String failure = process.awaitReady(Duration.ofSeconds(5));
        List<String> output = process.recentOutput();
        process.destroy();

        assertThat(failure).contains("exited");
        assertThat(String.join("\n", output)).containsIgnoringCase("dir");
    }
}
