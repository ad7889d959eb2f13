package io.tradekit.lock;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, every interval, that each lock held for longer than the interval is still its holder's
 * in Redis ({@code HEXISTS} of the holder's field), and reports a loss once.
 *
 * <p>Why this and not a hook into the watchdog: Redisson 3.52 renews every watchdog lock from one
 * internal timer task ({@code org.redisson.renewal.LockTask}); a failed renewal is only logged
 * ("Can't update locks ... expiration") and a lock found gone is silently dropped from renewal.
 * Neither is observable through a public API, so this checks the outcome the application cares
 * about (is the lock still mine?) at the cost of one {@code HEXISTS} per long-held lock per
 * interval. Locks released within one interval are never checked.
 */
final class LeaseMonitor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LeaseMonitor.class);

    private final Set<HeldLock> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService executor;
    private final long intervalNanos;
    private final BiConsumer<HeldLock, DistributeLockLostEvent.Detection> lostReporter;

    /** @param interval zero or negative disables the check */
    LeaseMonitor(Duration interval, BiConsumer<HeldLock, DistributeLockLostEvent.Detection> lostReporter) {
        this.intervalNanos = interval.toNanos();
        this.lostReporter = lostReporter;
        if (intervalNanos > 0) {
            this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "tradekit-lock-lease-check");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(1, interval.toMillis());
            executor.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
        } else {
            this.executor = null;
        }
    }

    void register(HeldLock lock) {
        if (executor != null) {
            held.add(lock);
        }
    }

    /** Called before the release, so a check answering after it is ignored rather than misread. */
    void unregister(HeldLock lock) {
        if (executor != null) {
            held.remove(lock);
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (HeldLock lock : held) {
            if (now - lock.acquiredAtNanos < intervalNanos) {
                continue;
            }
            lock.lock.isHeldByThreadAsync(lock.threadId).whenCompleteAsync((stillHeld, error) -> {
                if (error != null) {
                    log.warn("Lease check of lock {} failed: {}", LockKeys.describe(lock.scene, lock.key),
                            error.toString());
                } else if (!stillHeld && held.contains(lock)) {
                    lostReporter.accept(lock, DistributeLockLostEvent.Detection.LEASE_CHECK);
                }
            }, executor);
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
