package io.tradekit.core.degrade;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.SystemException;

import java.time.Duration;
import java.util.Objects;

/**
 * A call that needs a server which is down: refused by the server's {@link ServerBreaker} without
 * touching it, or failed on it. Code {@code SERVICE_UNAVAILABLE}; web entries answer it with HTTP 503
 * and {@code Retry-After} ({@code io.tradekit.core.web.FailureResponses#writeUnavailable}). The message
 * names the server only, never an address or the cause's text.
 */
public class ServerUnavailableException extends SystemException {

    private static final long serialVersionUID = 1L;

    private final String server;
    private final transient Duration retryAfter;
    private final boolean refused;

    /**
     * @param server     the server's name in {@link ServerBreakers} (e.g. {@code redis})
     * @param retryAfter when the client may try again
     * @param refused    whether the breaker refused the call without touching the server
     * @param cause      the server's failure, or {@code null} for a refusal
     */
    public ServerUnavailableException(String server, Duration retryAfter, boolean refused, Throwable cause) {
        super(CommonErrorCode.SERVICE_UNAVAILABLE, "The " + server + " server is unavailable, retry later.", cause);
        this.server = Objects.requireNonNull(server, "server");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        this.refused = refused;
    }

    /** The server's name in {@link ServerBreakers}. */
    public String getServer() {
        return server;
    }

    /** When the client may try again (at least one second). */
    public Duration getRetryAfter() {
        return retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
    }

    /** Whether the breaker refused the call without touching the server (nothing was attempted). */
    public boolean isRefused() {
        return refused;
    }

    /** {@link #getRetryAfter()} in whole seconds rounded up, at least 1: the {@code Retry-After} header's value. */
    public long getRetryAfterSeconds() {
        return retryAfterSeconds(getRetryAfter());
    }

    /** The first {@code ServerUnavailableException} in {@code failure}'s cause chain (itself included), or null. */
    public static ServerUnavailableException find(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof ServerUnavailableException unavailable) {
                return unavailable;
            }
        }
        return null;
    }

    /** A duration as a {@code Retry-After} value: whole seconds rounded up, at least 1. */
    public static long retryAfterSeconds(Duration retryAfter) {
        long millis = Math.max(retryAfter.toMillis(), 1);
        return Math.max(1, (millis + 999) / 1000);
    }
}
