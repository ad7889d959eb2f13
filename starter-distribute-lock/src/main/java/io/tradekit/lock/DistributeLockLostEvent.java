package io.tradekit.lock;

import java.time.Duration;

/**
 * Published (as a Spring application event, and to every {@link DistributeLockListener}) when a
 * holder finds that it no longer owns its lock while or after running its method: the watchdog
 * could not renew it (Redis unreachable, the holder's JVM paused), a fixed lease ran out, or the
 * key was deleted. Code that ran after that point was not protected by the lock; writes guarded by
 * the {@link DistributeLockContext#fencingToken() fencing token} were.
 *
 * @param scene       the lock's scene
 * @param maskedKey   the key as a digest ({@code sha256:...}), never the raw value
 * @param watchdog    {@code true} when the lock had no fixed lease (watchdog renewal)
 * @param heldFor     how long after acquisition the loss was detected
 * @param detectedBy  which check found the loss
 * @param holderThread the name of the thread that held the lock
 */
public record DistributeLockLostEvent(String scene, String maskedKey, boolean watchdog, Duration heldFor,
                                      Detection detectedBy, String holderThread) {

    /** Which check found that the lock was lost. */
    public enum Detection {
        /** The periodic lease check ({@code tradekit.lock.lease-check-interval}) while the method ran. */
        LEASE_CHECK,
        /** Taking a fencing token inside the method. */
        FENCING_TOKEN,
        /** The release after the method: the lock was no longer this holder's. */
        RELEASE
    }
}
