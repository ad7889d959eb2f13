package io.tradekit.lock;

/**
 * Default values of the {@link DistributeLock} attributes and of the matching
 * {@link DistributeLockTemplate#execute} arguments.
 */
public final class DistributeLockConstant {

    /** "No key given": {@link DistributeLock#key()} and {@link DistributeLock#keyExpression()} default to it. */
    public static final String NONE_KEY = "NONE";

    /** Expire time meaning "no fixed lease": Redisson's watchdog keeps the lock while its holder runs. */
    public static final int DEFAULT_EXPIRE_TIME = -1;

    /**
     * Wait time meaning "the configured default" ({@code tradekit.lock.default-wait-time}); when that
     * is unset, as it is out of the box, the caller blocks until the lock is acquired.
     */
    public static final int DEFAULT_WAIT_TIME = -1;

    private DistributeLockConstant() {
    }
}
