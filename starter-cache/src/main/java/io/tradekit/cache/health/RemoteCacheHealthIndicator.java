package io.tradekit.cache.health;

import io.tradekit.cache.support.RemoteBreaker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the remote cache level: one bounded round trip to Redis through the cache's own
 * Redisson client (an EXISTS on a probe key), plus whether the remote level is being skipped
 * after failures. Down means cached methods still answer, from the local level and the loader.
 */
public class RemoteCacheHealthIndicator extends AbstractHealthIndicator {

    private final RedissonClient redisson;
    private final RemoteBreaker breaker;
    private final String probeKey;
    private final Duration timeout;

    public RemoteCacheHealthIndicator(RedissonClient redisson, RemoteBreaker breaker, String probeKey, Duration timeout) {
        super("Remote cache health check failed");
        this.redisson = redisson;
        this.breaker = breaker;
        this.probeKey = probeKey;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("client", "redisson").withDetail("skipping", breaker.isOpen());
        redisson.getBucket(probeKey, ByteArrayCodec.INSTANCE).isExistsAsync().toCompletableFuture()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        builder.up();
    }
}
