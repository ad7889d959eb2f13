package io.tradekit.txmsg.support;

import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the producer does with a check-back when every check thread is busy and the queue is full:
 * drop it, count it, and warn at most once per interval.
 *
 * <p>Why dropping is right: the broker asks again on its next check round (up to its
 * {@code transactionCheckMax}), so an unanswered check-back is delayed, not lost, and answering it
 * on the broker's callback thread instead ({@code CallerRunsPolicy}) would stall the client's
 * networking for every other request. RocketMQ's default ({@code AbortPolicy}) drops it too, but logs a
 * stack trace per check-back — thousands per second in a storm, which costs the CPU the check
 * threads need. A sustained count means the check threads, the queue or the broker's
 * {@code transactionTimeout} need tuning: half messages are waiting longer than the broker tolerates.
 */
public final class CheckBackOverflowPolicy implements RejectedExecutionHandler {

    private static final Logger log = LoggerFactory.getLogger(CheckBackOverflowPolicy.class);

    private final TxMessageMetrics metrics;
    private final long warnIntervalNanos;
    private final LongSupplier clock;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedSinceWarning = new AtomicLong();
    private final AtomicLong nextWarning;

    /**
     * @param metrics           counts every drop as {@code tradekit.txmsg.check.dropped}
     * @param warnIntervalNanos the shortest time between two warnings
     * @param clock             nanosecond clock ({@code System::nanoTime} outside tests)
     */
    public CheckBackOverflowPolicy(TxMessageMetrics metrics, long warnIntervalNanos, LongSupplier clock) {
        if (warnIntervalNanos <= 0) {
            throw new IllegalArgumentException("warnIntervalNanos must be positive, was " + warnIntervalNanos);
        }
        this.metrics = metrics;
        this.warnIntervalNanos = warnIntervalNanos;
        this.clock = clock;
        this.nextWarning = new AtomicLong(clock.getAsLong());
    }

    @Override
    public void rejectedExecution(Runnable checkBack, ThreadPoolExecutor executor) {
        dropped.incrementAndGet();
        long sinceWarning = droppedSinceWarning.incrementAndGet();
        metrics.checkDropped();
        long now = clock.getAsLong();
        long due = nextWarning.get();
        if (now - due >= 0 && nextWarning.compareAndSet(due, now + warnIntervalNanos)) {
            droppedSinceWarning.addAndGet(-sinceWarning);
            log.warn("{} check-back(s) dropped: {} check threads busy and {} queued (the broker asks again);"
                    + " if this persists, raise tradekit.txmsg.check.threads / queue-capacity or the broker's"
                    + " transactionTimeout", sinceWarning, executor.getMaximumPoolSize(), executor.getQueue().size());
        }
    }

    /** Check-backs dropped since start. */
    public long dropped() {
        return dropped.get();
    }
}
