package io.tradekit.lock;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.log.LogSanitizer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs code while holding a Redisson lock: the programmatic twin of {@link DistributeLock}, with
 * the same key, lease, wait and failure rules.
 *
 * <pre>{@code
 * OrderDTO order = lockTemplate.execute("ORDER_CREATE", request.getIdentifier(),
 *         DistributeLockConstant.DEFAULT_EXPIRE_TIME, 0, () -> orderService.create(request));
 * }</pre>
 *
 * <p>The scene, lease and wait follow the rules of {@link DistributeLockSpec}; a call with a spec
 * built once skips re-checking them.
 *
 * <p>The lock is released in {@code finally}, only if this thread still holds it; a failed release
 * is logged and reported to the {@link DistributeLockListener}, never thrown over the action's own
 * result or exception. Inside the action, {@link DistributeLockContext} gives the fencing token.
 */
public class DistributeLockTemplate implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DistributeLockTemplate.class);

    private final RedissonClient redisson;
    private final Options options;
    private final DistributeLockListener listener;
    private final FencingTokens fencing;
    private final LeaseMonitor leaseMonitor;

    /**
     * Settings of a template.
     *
     * @param keyPrefix          prefix of every lock name in Redis
     * @param defaultWaitTime    the wait used for {@link DistributeLockConstant#DEFAULT_WAIT_TIME};
     *                           {@code null} or negative: block until acquired
     * @param maxKeyLength       longest key accepted (longer: {@code PARAM_INVALID})
     * @param leaseCheckInterval how often long-held locks are checked to still be held; zero disables
     * @param fencingTokenTtl    lifetime of a lock's fence counter after its last token
     */
    public record Options(String keyPrefix, Duration defaultWaitTime, int maxKeyLength, Duration leaseCheckInterval,
                          Duration fencingTokenTtl) {

        /** Validates the settings. */
        public Options {
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            Objects.requireNonNull(leaseCheckInterval, "leaseCheckInterval");
            Objects.requireNonNull(fencingTokenTtl, "fencingTokenTtl");
            if (maxKeyLength < 1) {
                throw new IllegalArgumentException("maxKeyLength must be positive: " + maxKeyLength);
            }
            if (fencingTokenTtl.toMillis() < 1) {
                throw new IllegalArgumentException("fencingTokenTtl must be at least 1 ms: " + fencingTokenTtl);
            }
        }

        /** The defaults of {@code tradekit.lock.*}. */
        public static Options defaults() {
            return new Options("tradekit:lock:", null, 512, Duration.ofSeconds(10), Duration.ofDays(1));
        }
    }

    /**
     * Creates a template over an application's Redisson client.
     *
     * @param redisson the client whose locks are used
     * @param options  the settings
     * @param listener observer of waits, releases, failures and lost locks
     */
    public DistributeLockTemplate(RedissonClient redisson, Options options, DistributeLockListener listener) {
        this.redisson = Objects.requireNonNull(redisson, "redisson");
        this.options = Objects.requireNonNull(options, "options");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.fencing = new FencingTokens(redisson, options.fencingTokenTtl(), this::reportLost);
        this.leaseMonitor = new LeaseMonitor(options.leaseCheckInterval(), this::reportLost);
    }

    /**
     * Runs {@code action} while holding the lock {@code scene#key}; the scene, lease and wait are
     * checked on every call (they are run-time values here).
     *
     * @param scene      the scene: see {@link DistributeLockSpec#scene()}
     * @param key        the key; {@code null}, blank or longer than the maximum: {@code PARAM_INVALID}
     * @param expireTime lease in ms, or {@link DistributeLockConstant#DEFAULT_EXPIRE_TIME} for the watchdog
     * @param waitTime   wait in ms ({@code 0} = try once), or {@link DistributeLockConstant#DEFAULT_WAIT_TIME}
     *                   for the configured default (block when none)
     * @param action     the code to run
     * @param <T>        the action's result type
     * @return what {@code action} returned
     * @throws DistributeLockException when the lock was not acquired; {@code action} did not run
     * @throws IllegalArgumentException when scene, expireTime or waitTime is invalid
     */
    public <T> T execute(String scene, String key, int expireTime, int waitTime, Supplier<T> action) {
        return execute(new DistributeLockSpec(scene, expireTime, waitTime), key, action);
    }

    /**
     * Runs {@code action} while holding the lock {@code spec.scene()#key}, with a spec validated
     * when it was built (as {@link DistributeLock} methods do, once at start-up).
     *
     * @param spec   the scene, lease and wait
     * @param key    the key; {@code null}, blank or longer than the maximum: {@code PARAM_INVALID}
     * @param action the code to run
     * @param <T>    the action's result type
     * @return what {@code action} returned
     * @throws DistributeLockException when the lock was not acquired; {@code action} did not run
     * @throws NullPointerException    when {@code spec} or {@code action} is {@code null}
     */
    public <T> T execute(DistributeLockSpec spec, String key, Supplier<T> action) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(action, "action");
        String scene = spec.scene();
        if (key == null || key.isBlank() || key.length() > options.maxKeyLength()) {
            listener.onFailure(scene, DistributeLockListener.Failure.INVALID_KEY);
            throw new DistributeLockException(CommonErrorCode.PARAM_INVALID, "The lock key of scene "
                    + LogSanitizer.escape(scene) + " is " + (key == null ? "null" : key.isBlank() ? "blank" : "too long"), null);
        }
        String lockKey = LockKeys.lockKey(options.keyPrefix(), scene, key);
        RLock lock = redisson.getLock(lockKey);
        long started = System.nanoTime();
        acquire(lock, scene, key, spec.expireTime(), waitMillis(spec.waitTime()), started);
        HeldLock held = new HeldLock(scene, key, lockKey, lock, spec.expireTime() <= 0, System.nanoTime(), fencing);
        DistributeLockContext.push(held);
        leaseMonitor.register(held);
        try {
            return action.get();
        } finally {
            leaseMonitor.unregister(held);
            DistributeLockContext.pop(held);
            release(held);
        }
    }

    private long waitMillis(int waitTime) {
        if (waitTime != DistributeLockConstant.DEFAULT_WAIT_TIME) {
            return waitTime;
        }
        Duration fallback = options.defaultWaitTime();
        return fallback == null || fallback.isNegative() ? -1 : fallback.toMillis();
    }

    private void acquire(RLock lock, String scene, String key, int expireTime, long waitMillis, long started) {
        long lease = expireTime > 0 ? expireTime : -1;
        boolean acquired;
        try {
            if (waitMillis < 0) {
                lock.lockInterruptibly(lease, TimeUnit.MILLISECONDS);
                acquired = true;
            } else {
                acquired = lock.tryLock(waitMillis, lease, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(scene, key, started, e);
        } catch (RedisException e) {
            if (e.getCause() instanceof InterruptedException) {
                // Redisson wraps an interrupt during a command round trip; it has re-set the flag.
                Thread.currentThread().interrupt();
                throw interrupted(scene, key, started, e);
            }
            listener.onWait(scene, false, System.nanoTime() - started);
            listener.onFailure(scene, DistributeLockListener.Failure.REDIS_ERROR);
            log.error("Lock {} not acquired: Redis failed: {}", LockKeys.describe(scene, key), e.toString());
            throw new DistributeLockException(CommonErrorCode.SERVICE_UNAVAILABLE,
                    "Lock service unavailable for scene " + LogSanitizer.escape(scene), e);
        }
        listener.onWait(scene, acquired, System.nanoTime() - started);
        if (!acquired) {
            listener.onFailure(scene, DistributeLockListener.Failure.TIMEOUT);
            throw new DistributeLockException("Lock " + LockKeys.describe(scene, key) + " is held elsewhere");
        }
    }

    private DistributeLockException interrupted(String scene, String key, long started, Exception cause) {
        listener.onWait(scene, false, System.nanoTime() - started);
        listener.onFailure(scene, DistributeLockListener.Failure.INTERRUPTED);
        return new DistributeLockException(CommonErrorCode.LOCK_FAILED,
                "Interrupted while waiting for lock " + LockKeys.describe(scene, key), cause);
    }

    /** Never throws: the action's result or exception stands; an unreleased lock expires with its lease. */
    private void release(HeldLock held) {
        try {
            // join() and not Redisson's unlock(): an interrupted thread must still release its lock.
            held.lock.unlockAsync(held.threadId).toCompletableFuture().join();
        } catch (CompletionException | RedisException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof IllegalMonitorStateException) {
                reportLost(held, DistributeLockLostEvent.Detection.RELEASE);
            } else {
                listener.onFailure(held.scene, DistributeLockListener.Failure.RELEASE_ERROR);
                log.warn("Lock {} not released, it expires with its lease: {}",
                        LockKeys.describe(held.scene, held.key), cause.toString());
            }
        } catch (RuntimeException e) {
            listener.onFailure(held.scene, DistributeLockListener.Failure.RELEASE_ERROR);
            log.warn("Lock {} not released, it expires with its lease: {}",
                    LockKeys.describe(held.scene, held.key), e.toString());
        } finally {
            listener.onReleased(held.scene, System.nanoTime() - held.acquiredAtNanos);
        }
    }

    private void reportLost(HeldLock held, DistributeLockLostEvent.Detection detection) {
        if (!held.markLost()) {
            return;
        }
        DistributeLockLostEvent event = held.lostEvent(detection);
        log.warn("Lock {} was lost by its holder {} after {} ms (detected by {}, {})",
                LockKeys.describe(held.scene, held.key), event.holderThread(), event.heldFor().toMillis(),
                detection, held.watchdog ? "watchdog" : "fixed lease");
        try {
            listener.onLockLost(event);
        } catch (RuntimeException e) {
            log.warn("A DistributeLockListener failed on a lost lock: {}", e.toString());
        }
    }

    /** Stops the lease check; locks are not touched. */
    @Override
    public void close() {
        leaseMonitor.close();
    }
}
