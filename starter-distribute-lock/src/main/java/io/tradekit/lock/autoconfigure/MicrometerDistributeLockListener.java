package io.tradekit.lock.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradekit.lock.DistributeLockListener;
import io.tradekit.lock.DistributeLockLostEvent;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of the locks, tagged by scene and never by key (keys are unbounded):
 * {@code tradekit.lock.wait} (timer, tag {@code acquired}), {@code tradekit.lock.held} (timer),
 * {@code tradekit.lock.failures} (counter, tag {@code reason}) and {@code tradekit.lock.lost}
 * (counter, tags {@code mode}, {@code detected-by}).
 */
final class MicrometerDistributeLockListener implements DistributeLockListener {

    private final MeterRegistry registry;
    private final Map<String, SceneMeters> meters = new ConcurrentHashMap<>();

    MicrometerDistributeLockListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onWait(String scene, boolean acquired, long waitNanos) {
        SceneMeters sceneMeters = meters(scene);
        (acquired ? sceneMeters.waitAcquired : sceneMeters.waitNotAcquired).record(waitNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onReleased(String scene, long heldNanos) {
        meters(scene).held.record(heldNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void onFailure(String scene, Failure failure) {
        Counter.builder("tradekit.lock.failures").description("Lock calls that did not run their method, and failed releases")
                .tag("scene", scene).tag("reason", failure.name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    @Override
    public void onLockLost(DistributeLockLostEvent event) {
        Counter.builder("tradekit.lock.lost").description("Locks found lost by their holder before release")
                .tag("scene", event.scene()).tag("mode", event.watchdog() ? "watchdog" : "fixed-lease")
                .tag("detected-by", event.detectedBy().name().toLowerCase(Locale.ROOT))
                .register(registry).increment();
    }

    private SceneMeters meters(String scene) {
        SceneMeters found = meters.get(scene);
        return found != null ? found : meters.computeIfAbsent(scene, s -> new SceneMeters(registry, s));
    }

    private static final class SceneMeters {

        final Timer waitAcquired;
        final Timer waitNotAcquired;
        final Timer held;

        SceneMeters(MeterRegistry registry, String scene) {
            this.waitAcquired = waitTimer(registry, scene, "true");
            this.waitNotAcquired = waitTimer(registry, scene, "false");
            this.held = Timer.builder("tradekit.lock.held").description("Time a lock was held, acquisition to release")
                    .tag("scene", scene).register(registry);
        }

        private static Timer waitTimer(MeterRegistry registry, String scene, String acquired) {
            return Timer.builder("tradekit.lock.wait").description("Time spent waiting for a lock")
                    .tag("scene", scene).tag("acquired", acquired).register(registry);
        }
    }
}
