package io.tradekit.facade;

/**
 * Receives the outcome of every {@link Facade} call, for example to record the Micrometer timer
 * {@code tradekit.facade} ({@link io.tradekit.facade.micrometer.MicrometerFacadeMetrics}).
 *
 * <p>Implementations are called on the hot path of every call and must be thread-safe, fast and
 * never throw.
 */
@FunctionalInterface
public interface FacadeMetrics {

    /** An implementation that records nothing. */
    FacadeMetrics NONE = (service, method, success, code, elapsedNanos) -> {
    };

    /**
     * Records one call.
     *
     * @param service      the simple name of the provider class
     * @param method       the method name
     * @param success      the response's success flag
     * @param code         the response's code, never {@code null}
     * @param elapsedNanos the time the call took, in nanoseconds
     */
    void record(String service, String method, boolean success, String code, long elapsedNanos);
}
