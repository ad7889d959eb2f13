package io.tradekit.cache.health;

import io.tradekit.cache.remote.RemoteLevel;
import io.tradekit.cache.remote.RemoteBreaker;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health of the remote cache level: one bounded round trip to Redis through the cache's own
 * client (an EXISTS on a probe key), plus whether the remote level is being skipped after
 * failures. Down means cached methods still answer, from the local level and the loader.
 */
public class RemoteCacheHealthIndicator extends AbstractHealthIndicator {

    private final RemoteLevel remote;
    private final RemoteBreaker breaker;
    private final String probeKey;
    private final Duration timeout;

    public RemoteCacheHealthIndicator(RemoteLevel remote, RemoteBreaker breaker, String probeKey, Duration timeout) {
        super("Remote cache health check failed");
        this.remote = remote;
        this.breaker = breaker;
        this.probeKey = probeKey;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("client", remote.client().name().toLowerCase(Locale.ROOT))
                .withDetail("skipping", breaker.isOpen());
        remote.probe(probeKey).toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        builder.up();
    }
}
