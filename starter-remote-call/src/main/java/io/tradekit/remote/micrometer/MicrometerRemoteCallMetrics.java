package io.tradekit.remote.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradekit.remote.RemoteCallMetrics;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Records every remote call in the Micrometer timer {@value #TIMER_NAME}, tagged {@code call},
 * {@code success} and {@code code} (an implementation of {@link RemoteCallMetrics}); timers are
 * cached per tag combination.
 */
public class MicrometerRemoteCallMetrics implements RemoteCallMetrics {

    /** The name of the timer. */
    public static final String TIMER_NAME = "tradekit.remote-call.calls";

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    /**
     * Creates the recorder.
     *
     * @param registry where the timer lives, required
     */
    public MicrometerRemoteCallMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
    }

    @Override
    public void record(String call, boolean success, String code, long elapsedNanos) {
        Key key = new Key(call, success, code);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder(TIMER_NAME)
                    .description("Remote calls made through RemoteCallWrapper or Dubbo references")
                    .tag("call", k.call())
                    .tag("success", Boolean.toString(k.success()))
                    .tag("code", k.code())
                    .register(registry));
        }
        timer.record(elapsedNanos, TimeUnit.NANOSECONDS);
    }

    private record Key(String call, boolean success, String code) {
    }
}
