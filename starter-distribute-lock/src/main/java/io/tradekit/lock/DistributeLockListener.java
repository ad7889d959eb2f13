package io.tradekit.lock;

/**
 * Observes what {@link DistributeLockTemplate} does, for metrics and alerts; every method has a
 * no-op default and is called on the hot path, so implementations must be fast and must not throw.
 * Beans of this type are picked up by the auto-configuration (Micrometer and Spring events are
 * built in).
 */
public interface DistributeLockListener {

    /** Why a call did not run its method, or its lock could not be released. */
    enum Failure {
        /** Not acquired within the wait time. */
        TIMEOUT,
        /** The waiting thread was interrupted. */
        INTERRUPTED,
        /** The key was null, blank or too long. */
        INVALID_KEY,
        /** Redis failed while acquiring. */
        REDIS_ERROR,
        /** Redis failed while releasing (the lock then expires with its lease). */
        RELEASE_ERROR
    }

    /**
     * The wait for a lock ended.
     *
     * @param scene      the scene
     * @param acquired   whether the lock was acquired
     * @param waitNanos  how long the wait took
     */
    default void onWait(String scene, boolean acquired, long waitNanos) {
    }

    /**
     * A lock was released (or its release was attempted) after its method ran.
     *
     * @param scene      the scene
     * @param heldNanos  time from acquisition to the end of the release
     */
    default void onReleased(String scene, long heldNanos) {
    }

    /**
     * A call failed for a lock reason.
     *
     * @param scene   the scene
     * @param failure the reason
     */
    default void onFailure(String scene, Failure failure) {
    }

    /**
     * A holder lost its lock before releasing it; see {@link DistributeLockLostEvent}.
     *
     * @param event what was lost, and how it was found
     */
    default void onLockLost(DistributeLockLostEvent event) {
    }
}
