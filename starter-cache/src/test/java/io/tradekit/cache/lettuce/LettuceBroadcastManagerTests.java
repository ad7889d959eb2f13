package io.tradekit.cache.lettuce;

import static org.assertj.core.api.Assertions.assertThat;

import com.alicp.jetcache.CacheResult;
import com.alicp.jetcache.SimpleCacheManager;
import com.alicp.jetcache.support.CacheMessage;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.tradekit.cache.serial.AllowListKryoCodec;
import io.tradekit.cache.serial.ClassAllowList;
import io.tradekit.cache.remote.RemoteBreaker;
import io.tradekit.core.redis.LettuceConnector;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.devservices.redis.RedisSettings;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The Lettuce broadcast channel against a real redis-server of its own: subscribing while Redis is
 * not there yet is retried until it works, and messages (raw bytes, as the Redisson level writes
 * them, and its own) arrive through the allow-listed codec.
 */
class LettuceBroadcastManagerTests {

    private static final String CHANNEL = "tradekit:cache:broadcast-test";

    @Test
    void subscribesOnceRedisComesUpAndReceivesRawAndOwnMessages() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        client.setOptions(ClientOptions.builder().autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofMillis(300)).build())
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(500))).build());
        LettuceConnector connector = new LettuceConnector(client, Duration.ofMillis(500), Duration.ofMillis(50), true);
        AllowListKryoCodec codec = new AllowListKryoCodec(new ClassAllowList(List.of("io.tradekit.cache.sample")));
        AtomicInteger decoded = new AtomicInteger();
        LettuceRemoteCacheConfig<Object, Object> config = new LettuceRemoteCacheConfig<>();
        config.setConnector(connector);
        config.setBroadcastChannel(CHANNEL);
        config.setValueEncoder(codec.encoder());
        config.setValueDecoder(bytes -> {
            decoded.incrementAndGet();
            return codec.decoder().apply(bytes);
        });
        config.setRetryDelay(Duration.ofMillis(100));
        SimpleCacheManager cacheManager = new SimpleCacheManager();
        LettuceBroadcastManager manager = new LettuceBroadcastManager(cacheManager, config, RemoteBreaker.disabled());
        RedisDevService redis = null;
        try {
            manager.startSubscribe();
            assertThat(manager.isSubscribed()).as("no Redis yet: not subscribed, and no exception").isFalse();

            redis = RedisDevService.start(new RedisSettings(port, null, Duration.ofSeconds(10)));
            poll(manager::isSubscribed, "subscribed by the retry once Redis is up");

            // A message as another instance (Redisson level or Lettuce level) publishes it: raw codec bytes.
            CacheMessage fromElsewhere = new CacheMessage();
            fromElsewhere.setArea("default");
            fromElsewhere.setCacheName("userCache");
            fromElsewhere.setType(CacheMessage.TYPE_REMOVE);
            fromElsewhere.setKeys(new Object[] {42L});
            fromElsewhere.setSourceId("another-instance");
            RedisClient other = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<byte[], byte[]> raw = other.connect(ByteArrayCodec.INSTANCE)) {
                raw.sync().publish(CHANNEL.getBytes(StandardCharsets.UTF_8), codec.encode(fromElsewhere));
            } finally {
                other.shutdown();
            }
            poll(() -> decoded.get() == 1, "the raw message reached the listener and was decoded");

            CacheResult published = manager.publish(fromElsewhere);
            assertThat(published.isSuccess()).isTrue();
            poll(() -> decoded.get() == 2, "our own publish (binary, on the shared String connection) arrived intact");
        } finally {
            manager.close();
            connector.close();
            if (redis != null) {
                redis.close();
            }
        }
        assertThat(manager.isSubscribed()).isFalse();
    }

    @Test
    void publishingWhileTheBreakerIsOpenIsSkippedWithoutTryingRedis() {
        RemoteBreaker open = new RemoteBreaker(1, Duration.ofMinutes(1));
        open.recordFailure();
        RedisClient client = RedisClient.create("redis://127.0.0.1:1");
        LettuceConnector connector = new LettuceConnector(client, Duration.ofMillis(100), Duration.ofMillis(100), true);
        LettuceRemoteCacheConfig<Object, Object> config = new LettuceRemoteCacheConfig<>();
        config.setConnector(connector);
        config.setBroadcastChannel(CHANNEL);
        AllowListKryoCodec codec = new AllowListKryoCodec(new ClassAllowList(List.of("io.tradekit.cache.sample")));
        config.setValueEncoder(codec.encoder());
        config.setValueDecoder(codec.decoder());
        LettuceBroadcastManager manager = new LettuceBroadcastManager(new SimpleCacheManager(), config, open);
        try {
            // The skip answer itself, not the failure of a send attempt (that would carry the exception).
            assertThat(manager.publish(new CacheMessage())).isSameAs(CacheResult.FAIL_WITHOUT_MSG);
        } finally {
            manager.close();
            connector.close();
        }
    }

    private static void poll(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
