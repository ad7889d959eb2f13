package io.tradekit.lock;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The locks the current thread holds through {@link DistributeLock} or
 * {@link DistributeLockTemplate}, innermost first, and their fencing tokens.
 *
 * <p>A Redis lock can be lost while its holder still runs (a fixed lease ran out, a long pause
 * outlived the watchdog's lease). A fencing token closes that hole where the protected resource
 * can compare numbers: every acquisition that asks gets a token greater than the token of every
 * earlier holder of the same key, so a write guarded by it rejects a late holder:
 *
 * <pre>{@code
 * @DistributeLock(scene = "STOCK", keyExpression = "#itemId")
 * @Transactional
 * public void adjust(long itemId, int delta) {
 *     long token = DistributeLockContext.fencingToken();
 *     int rows = jdbc.update("UPDATE stock SET qty = qty + ?, fence = ? WHERE item_id = ? AND fence < ?",
 *             delta, token, itemId, token);
 *     if (rows == 0) throw new IllegalStateException("a later lock holder has written: abort");
 * }
 * }</pre>
 *
 * <p>The token is taken on the first call (one Redis round trip, only when asked for), and only
 * if Redis still shows this thread as the holder; otherwise the call throws
 * {@link DistributeLockException} ({@code LOCK_FAILED}). Later calls in the same acquisition
 * return the same number.
 */
public final class DistributeLockContext {

    private static final ThreadLocal<ArrayDeque<HeldLock>> HELD = new ThreadLocal<>();

    private DistributeLockContext() {
    }

    /**
     * The fencing token of the innermost lock this thread holds.
     *
     * @return a positive token, monotonic per lock key
     * @throws IllegalStateException   when the thread holds no lock
     * @throws DistributeLockException when the lock is no longer this thread's
     */
    public static long fencingToken() {
        ArrayDeque<HeldLock> stack = HELD.get();
        if (stack == null || stack.isEmpty()) {
            throw new IllegalStateException("No @DistributeLock is held by this thread");
        }
        return stack.peek().fencingToken();
    }

    /**
     * The fencing token of the innermost lock of a scene this thread holds (for nested locks).
     *
     * @param scene the scene of the lock
     * @return a positive token, monotonic per lock key
     * @throws IllegalStateException   when the thread holds no lock of that scene
     * @throws DistributeLockException when the lock is no longer this thread's
     */
    public static long fencingToken(String scene) {
        ArrayDeque<HeldLock> stack = HELD.get();
        if (stack != null) {
            for (Iterator<HeldLock> it = stack.iterator(); it.hasNext(); ) {
                HeldLock held = it.next();
                if (held.scene.equals(scene)) {
                    return held.fencingToken();
                }
            }
        }
        throw new IllegalStateException("No @DistributeLock of this scene is held by this thread");
    }

    /**
     * How many locks this thread holds through tradekit (nested locks count each).
     *
     * @return 0 outside any lock
     */
    public static int depth() {
        ArrayDeque<HeldLock> stack = HELD.get();
        return stack == null ? 0 : stack.size();
    }

    static void push(HeldLock held) {
        ArrayDeque<HeldLock> stack = HELD.get();
        if (stack == null) {
            stack = new ArrayDeque<>(4);
            HELD.set(stack);
        }
        stack.push(held);
    }

    static void pop(HeldLock held) {
        ArrayDeque<HeldLock> stack = HELD.get();
        if (stack == null) {
            return;
        }
        stack.remove(held);
        if (stack.isEmpty()) {
            HELD.remove();
        }
    }
}
