package io.tradekit.cache.remote;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Redis client the remote cache level runs on ({@code tradekit.cache.remote.client}). */
public enum RemoteClient {

    /** The application's {@code RedissonClient} bean (the default, as in ARCHITECTURE.md). */
    REDISSON,

    /**
     * A Lettuce client of the cache's own, built from Spring Boot's Redis connection details or
     * {@code spring.data.redis.*}, on one shared auto-pipelining connection.
     */
    LETTUCE;

    /** The property that selects the client. */
    public static final String PROPERTY = "tradekit.cache.remote.client";

    /**
     * The client a property value names: {@code null} (unset) is {@link #REDISSON}; case and
     * surrounding blanks are ignored; anything else (blank included) is refused with the accepted values.
     *
     * @throws IllegalArgumentException when {@code value} names no client
     */
    public static RemoteClient parse(String value) {
        if (value == null) {
            return REDISSON;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        for (RemoteClient client : values()) {
            if (client.name().equals(name)) {
                return client;
            }
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        throw new IllegalArgumentException(PROPERTY + " must be one of " + Arrays.stream(values())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + ", not '" + shown.replaceAll("\\p{Cntrl}", "?") + "'");
    }
}
