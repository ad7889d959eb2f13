package io.tradekit.devservices.redis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start the Redis dev server: {@link RedisDevService#start(RedisSettings)} reads it.
 *
 * @param port         port on 127.0.0.1; 0 picks a free one
 * @param executable   a {@code redis-server} binary to use instead of the embedded one and the
 *                     one on PATH; {@code null} to search those two
 * @param startTimeout how long to wait for the server to answer PING
 * @param appendOnly   whether the server keeps an append-only file ({@code appendonly yes},
 *                     {@code appendfsync everysec}) in its working directory, so that
 *                     {@link RedisDevService#restart(Duration)} after a {@link RedisDevService#kill()}
 *                     loads what was written up to about a second before the kill (crash tests)
 */
public record RedisSettings(int port, Path executable, Duration startTimeout, boolean appendOnly) {

    /** Free port, embedded binary first then PATH, 10 s to start, nothing persisted. */
    public static final RedisSettings DEFAULTS = new RedisSettings(0, null, Duration.ofSeconds(10));

    public RedisSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Redis dev service port must be 0 (free port) or 1-65535, was " + port);
        }
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("Redis dev service start timeout must be positive, was " + startTimeout);
        }
    }

    /** Nothing persisted (no RDB, no AOF): the usual dev and test server. */
    public RedisSettings(int port, Path executable, Duration startTimeout) {
        this(port, executable, startTimeout, false);
    }

    /** The same settings with the append-only file on ({@code appendfsync everysec}) or off. */
    public RedisSettings withAppendOnly(boolean on) {
        return new RedisSettings(port, executable, startTimeout, on);
    }
}
