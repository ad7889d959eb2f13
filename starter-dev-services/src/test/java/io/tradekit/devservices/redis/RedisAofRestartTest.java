package io.tradekit.devservices.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * A {@code kill -9} of the Redis dev server and its restart on the same port and directory: with the
 * append-only file ({@code appendfsync everysec}) a write acknowledged well over a second before the kill
 * is there again, and a client keeps its address and reconnects by itself; without it (the control) the
 * same write is gone, so the first case proves the file, not the restart.
 */
class RedisAofRestartTest {

    private static final Duration RESTART = Duration.ofSeconds(30);
    /** Longer than the one-second fsync period: the write is on disk before the kill. */
    private static final long PAST_FSYNC_PERIOD_MS = 2_500;

    @Test
    void aWriteOlderThanTheFsyncPeriodSurvivesAKillAndTheRestartedServerAnswersOnTheSamePort() throws Exception {
        try (RedisDevService redis = RedisDevService.start(RedisSettings.DEFAULTS.withAppendOnly(true))) {
            RedissonClient client = client(redis);
            try {
                client.getBucket("aof:old", StringCodec.INSTANCE).set("kept");
                Thread.sleep(PAST_FSYNC_PERIOD_MS);
                long killed = redis.pid();
                int port = redis.port();
                redis.kill();
                assertThat(ProcessHandle.of(killed).filter(ProcessHandle::isAlive)).as("redis-server after SIGKILL").isEmpty();
                assertThat(redis.isRunning()).isFalse();

                redis.restart(RESTART);

                assertThat(redis.pid()).isNotEqualTo(killed);
                assertThat(redis.port()).isEqualTo(port);
                assertThat(redis.pidFile()).as("the pid file a launcher's last will reads")
                        .content().isEqualToIgnoringNewLines(Long.toString(redis.pid()));
                assertThat(Files.list(redis.workDir()).map(p -> p.getFileName().toString()).toList())
                        .as("the append-only directory of Redis 7 (or the file of Redis 6)")
                        .anyMatch(name -> name.startsWith("appendonly"));
                // The same client, on the same address: it reconnects and reads the write from the file.
                assertThat(client.<String>getBucket("aof:old", StringCodec.INSTANCE).get()).isEqualTo("kept");
                assertThat(RedisProcess.command(port, "CONFIG GET appendfsync")).contains("everysec");
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void withoutTheAppendOnlyFileTheSameWriteIsLost() throws Exception {
        try (RedisDevService redis = RedisDevService.start(RedisSettings.DEFAULTS)) {
            RedissonClient client = client(redis);
            try {
                client.getBucket("aof:old", StringCodec.INSTANCE).set("kept");
                Thread.sleep(PAST_FSYNC_PERIOD_MS);
                redis.kill();
                redis.restart(RESTART);
                assertThat(client.<String>getBucket("aof:old", StringCodec.INSTANCE).get()).isNull();
            } finally {
                client.shutdown();
            }
        }
    }

    private static RedissonClient client(RedisDevService redis) {
        Config config = new Config();
        config.useSingleServer().setAddress(redis.uri()).setConnectionMinimumIdleSize(1).setConnectionPoolSize(2)
                .setRetryAttempts(20).setRetryInterval(250);
        return Redisson.create(config);
    }
}
