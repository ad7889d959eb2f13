package io.tradekit.remote;

/**
 * Receives the outcome of every remote call logged by {@link RemoteCallWrapper} or the Dubbo
 * consumer filter, for example to record the Micrometer timer {@code tradekit.remote}
 * ({@link io.tradekit.remote.micrometer.MicrometerRemoteCallMetrics}).
 *
 * <p>Implementations are called on the hot path and must be thread-safe, fast and never throw.
 */
@FunctionalInterface
public interface RemoteCallMetrics {

    /** An implementation that records nothing. */
    RemoteCallMetrics NONE = (call, success, code, elapsedNanos) -> {
    };

    /**
     * Records one call.
     *
     * @param call         the request name, or {@code Interface.method} for the Dubbo filter
     * @param success      whether the call returned a successful (or non-{@code BaseResponse}) value
     * @param code         the response code, {@code REMOTE_CALL_FAILED} when it threw, never {@code null}
     * @param elapsedNanos the time the call took, in nanoseconds
     */
    void record(String call, boolean success, String code, long elapsedNanos);
}
