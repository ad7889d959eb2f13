package io.tradekit.facade.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradekit.facade.FacadeMetrics;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Records every {@link io.tradekit.facade.Facade} call in the Micrometer timer
 * {@value #TIMER_NAME}, tagged {@code service}, {@code method}, {@code success} and {@code code}
 * (an implementation of {@link FacadeMetrics}).
 *
 * <p>Timers are looked up once per tag combination and cached.
 */
public class MicrometerFacadeMetrics implements FacadeMetrics {

    /** The name of the timer. */
    public static final String TIMER_NAME = "tradekit.facade.calls";

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    /**
     * Creates the recorder.
     *
     * @param registry where the timer lives, required
     */
    public MicrometerFacadeMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
    }

    @Override
    public void record(String service, String method, boolean success, String code, long elapsedNanos) {
        Key key = new Key(service, method, success, code);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder(TIMER_NAME)
                    .description("Calls of @Facade methods")
                    .tag("service", k.service())
                    .tag("method", k.method())
                    .tag("success", Boolean.toString(k.success()))
                    .tag("code", k.code())
                    .register(registry));
        }
        timer.record(elapsedNanos, TimeUnit.NANOSECONDS);
    }

    private record Key(String service, String method, boolean success, String code) {
    }
}
