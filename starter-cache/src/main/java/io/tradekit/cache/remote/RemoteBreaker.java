package io.tradekit.cache.remote;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small circuit breaker in front of the remote level: after {@code threshold} consecutive
 * failed Redis calls the remote level is skipped for {@code openDuration}, then one call at a
 * time tries it again. While open, reads go straight to the loader and writes stay local.
 *
 * <p>Why: with Redis down every remote call would wait the client's timeout (seconds, with
 * retries), and a two-level cache would make every cached method that slow.
 */
public final class RemoteBreaker {

    private static final Logger log = LoggerFactory.getLogger(RemoteBreaker.class);

    private final int threshold;
    private final long openNanos;
    private final LongSupplier nanoClock;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    /** System.nanoTime() until which calls are skipped; 0 when closed. */
    private final AtomicLong openUntil = new AtomicLong();

    /**
     * @param threshold    consecutive failures that open the breaker; 0 or less disables it
     * @param openDuration how long it stays open before one trial call
     */
    public RemoteBreaker(int threshold, Duration openDuration) {
        this(threshold, openDuration, System::nanoTime);
    }

    RemoteBreaker(int threshold, Duration openDuration, LongSupplier nanoClock) {
        this.threshold = threshold;
        this.openNanos = openDuration.toNanos();
        this.nanoClock = nanoClock;
    }

    /** A breaker that never opens. */
    public static RemoteBreaker disabled() {
        return new RemoteBreaker(0, Duration.ZERO);
    }

    /** Whether a call may go to Redis now; while open, one caller per open period is let through. */
    public boolean allowsCall() {
        long until = openUntil.get();
        if (until == 0) {
            return true;
        }
        long now = nanoClock.getAsLong();
        // After the open period one trial call moves the deadline on; the others keep skipping.
        return now - until >= 0 && openUntil.compareAndSet(until, now + openNanos);
    }

    /** Whether the remote level is being skipped. */
    public boolean isOpen() {
        return openUntil.get() != 0;
    }

    /** A call reached Redis and Redis answered: closes the breaker. */
    public void recordSuccess() {
        // Read before writing: this runs on every remote hit from every thread, and an unconditional
        // write (or getAndSet) of a shared field would bounce its cache line between cores each time.
        if (consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0);
        }
        if (openUntil.get() != 0 && openUntil.getAndSet(0) != 0) {
            log.info("tradekit cache: Redis answers again, remote cache level back in use");
        }
    }

    /** A call failed because of Redis (unreachable, timed out, erroring); codec refusals are not failures. */
    public void recordFailure() {
        if (threshold <= 0) {
            return;
        }
        if (consecutiveFailures.incrementAndGet() >= threshold && openUntil.get() == 0
                && openUntil.compareAndSet(0, nanoClock.getAsLong() + openNanos)) {
            log.warn("tradekit cache: {} consecutive Redis failures, remote cache level skipped for {} ms at a time",
                    threshold, openNanos / 1_000_000);
        }
    }
}
