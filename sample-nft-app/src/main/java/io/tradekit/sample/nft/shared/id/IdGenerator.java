package io.tradekit.sample.nft.shared.id;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Snowflake ids: 41 bits of milliseconds since {@link #EPOCH}, 10 bits of worker id (leased by
 * {@link WorkerIdHolder}) and a 12-bit sequence within the millisecond, so ids are positive,
 * unique across workers and strictly increasing per generator.
 *
 * <p>Thread-safe: {@link #nextId()} is synchronized, which is cheaper than it sounds (one
 * uncontended monitor per id) and keeps the sequence logic obviously correct. When the clock
 * steps back by at most {@code maxBackward} the generator waits for it to catch up; a larger
 * step fails with {@link ClockMovedBackwardsException} instead of risking a duplicate.
 */
public final class IdGenerator {

    /** Where the timestamp part counts from: 2024-01-01T00:00:00Z (41 bits last until 2093). */
    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    static final int WORKER_BITS = 10;
    static final int SEQUENCE_BITS = 12;
    static final int MAX_WORKER_ID = (1 << WORKER_BITS) - 1;
    static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    static final long MAX_ELAPSED = (1L << 41) - 1;

    private static final long EPOCH_MILLIS = EPOCH.toEpochMilli();
    private static final long PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private final IntSupplier workerId;
    private final LongSupplier clock;
    private final long maxBackwardMillis;

    private long lastMillis = -1;
    private long sequence;
    private int lastWorkerId = -1;

    /**
     * Creates a generator on the wall clock.
     *
     * @param workerIds   the lease of this instance's worker id
     * @param maxBackward the largest clock step back that is waited out rather than failed
     */
    public IdGenerator(WorkerIdHolder workerIds, Duration maxBackward) {
        this(workerIds::workerId, System::currentTimeMillis, maxBackward);
    }

    /**
     * Creates a generator on any clock (tests step it back and forth).
     *
     * @param workerId    supplies the worker id (0..1023) at each call; it throws when no lease is held
     * @param clock       epoch milliseconds
     * @param maxBackward the largest clock step back that is waited out rather than failed
     */
    public IdGenerator(IntSupplier workerId, LongSupplier clock, Duration maxBackward) {
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxBackward == null || maxBackward.isNegative()) {
            throw new IllegalArgumentException("maxBackward must be zero or positive");
        }
        this.maxBackwardMillis = maxBackward.toMillis();
    }

    /**
     * Returns the next id.
     *
     * @return a positive id, greater than every id this generator returned before
     * @throws ClockMovedBackwardsException when the clock stepped back further than allowed
     * @throws IllegalStateException        when the worker id lease is not held
     */
    public synchronized long nextId() {
        int worker = workerId.getAsInt();
        if (worker < 0 || worker > MAX_WORKER_ID) {
            throw new IllegalStateException("Worker id " + worker + " is outside 0.." + MAX_WORKER_ID);
        }
        long now = clock.getAsLong();
        if (now < lastMillis) {
            now = awaitMillis(lastMillis, now);
        }
        if (worker != lastWorkerId && lastWorkerId >= 0 && now == lastMillis) {
            // A re-leased, different worker id: a fresh millisecond keeps ids increasing.
            now = awaitMillis(lastMillis + 1, now);
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & SEQUENCE_MASK;
            if (sequence == 0) {
                now = awaitMillis(lastMillis + 1, now);
            }
        } else {
            sequence = 0;
        }
        long elapsed = now - EPOCH_MILLIS;
        if (elapsed < 0 || elapsed > MAX_ELAPSED) {
            throw new IllegalStateException("Clock " + now + " is outside the id range from " + EPOCH);
        }
        lastMillis = now;
        lastWorkerId = worker;
        return elapsed << (WORKER_BITS + SEQUENCE_BITS) | (long) worker << SEQUENCE_BITS | sequence;
    }

    /** The worker id an id was generated on (for diagnostics and tests). */
    public static int workerIdOf(long id) {
        return (int) (id >>> SEQUENCE_BITS & MAX_WORKER_ID);
    }

    /** When an id was generated, to the millisecond. */
    public static Instant timestampOf(long id) {
        return Instant.ofEpochMilli((id >>> (WORKER_BITS + SEQUENCE_BITS)) + EPOCH_MILLIS);
    }

    private long awaitMillis(long target, long now) {
        while (now < target) {
            if (lastMillis - now > maxBackwardMillis) {
                throw new ClockMovedBackwardsException(lastMillis - now, maxBackwardMillis);
            }
            LockSupport.parkNanos(PAUSE_NANOS);
            now = clock.getAsLong();
        }
        return now;
    }

    /** The clock stepped back further than the generator may wait out. */
    public static final class ClockMovedBackwardsException extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        ClockMovedBackwardsException(long behindMillis, long maxBackwardMillis) {
            super("Clock moved back by " + behindMillis + " ms (more than the " + maxBackwardMillis
                    + " ms waited out): refusing to generate ids that could repeat");
        }
    }
}
