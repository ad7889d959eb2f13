package io.tradekit.lock;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redisson.api.RLock;

/** One acquisition of a lock by one thread: what the context, the lease check and the release need. */
final class HeldLock {

    final String scene;
    final String key;
    final String lockKey;
    final RLock lock;
    final long threadId;
    final String threadName;
    final boolean watchdog;
    final long acquiredAtNanos;
    private final FencingTokens fencing;
    private final AtomicBoolean lost = new AtomicBoolean();
    private long fencingToken;

    HeldLock(String scene, String key, String lockKey, RLock lock, boolean watchdog, long acquiredAtNanos,
             FencingTokens fencing) {
        Thread current = Thread.currentThread();
        this.scene = scene;
        this.key = key;
        this.lockKey = lockKey;
        this.lock = lock;
        this.threadId = current.getId();
        this.threadName = current.getName();
        this.watchdog = watchdog;
        this.acquiredAtNanos = acquiredAtNanos;
        this.fencing = fencing;
    }

    /** Taken on first use, on the holder's thread, and only while Redis still shows this holder. */
    long fencingToken() {
        if (fencingToken == 0) {
            long token = fencing.issue(this);
            if (token <= 0) {
                fencing.reportLost(this);
                throw new DistributeLockException("The lock " + LockKeys.describe(scene, key)
                        + " is no longer held by this thread: no fencing token issued");
            }
            fencingToken = token;
        }
        return fencingToken;
    }

    /** Marks the lock as lost; {@code true} only for the first caller, so a loss is reported once. */
    boolean markLost() {
        return lost.compareAndSet(false, true);
    }

    DistributeLockLostEvent lostEvent(DistributeLockLostEvent.Detection detection) {
        return new DistributeLockLostEvent(scene, LockKeys.digest(key), watchdog,
                Duration.ofNanos(System.nanoTime() - acquiredAtNanos), detection, threadName);
    }
}
