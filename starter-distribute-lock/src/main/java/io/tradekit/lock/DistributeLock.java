package io.tradekit.lock;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method while holding the Redisson lock {@code scene + "#" + key}, taken before
 * and released after the method and before/after any {@code @Transactional} on it, so the
 * transaction has committed before the next holder enters.
 *
 * <pre>{@code
 * @DistributeLock(scene = "USER_REGISTER", keyExpression = "#telephone")
 * @Transactional
 * public UserDTO register(String telephone, String inviteCode) { ... }
 *
 * @DistributeLock(scene = "ORDER_CREATE", keyExpression = "#request.identifier", waitTime = 0)
 * public OrderDTO create(OrderCreateRequest request) { ... }
 * }</pre>
 *
 * <p>A misconfigured annotation (a scene breaking the {@link DistributeLockSpec} rules, neither key
 * nor keyExpression, an unparsable or unsafe expression, an expireTime of 0 or below -1, a waitTime
 * below -1) fails the application start-up with a message naming the method, and so does an
 * annotation on a final, private or static method or in a final class, which no proxy could
 * intercept. Calls through {@code this} bypass the proxy and run unlocked. Failures at call time are
 * {@link DistributeLockException}s. The programmatic twin is {@link DistributeLockTemplate}; the
 * fencing token of the acquisition is {@link DistributeLockContext#fencingToken()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface DistributeLock {

    /**
     * The lock's scene, the first part of the lock key ({@code scene + "#" + key}) and the
     * {@code scene} tag of the metrics. Required, not blank, without '{' or '}', and from a small
     * fixed set (a constant per use case), never a per-request value.
     */
    String scene();

    /**
     * A fixed key, the second part of the lock key. Default {@link DistributeLockConstant#NONE_KEY}
     * (unset). When set it wins over {@link #keyExpression()}.
     */
    String key() default DistributeLockConstant.NONE_KEY;

    /**
     * A SpEL expression over the method's arguments giving the key, e.g. {@code #telephone},
     * {@code #request.identifier}, {@code #p0}. Default {@link DistributeLockConstant#NONE_KEY}
     * (unset). Parsed once at start-up; type, constructor and bean references are rejected.
     * Argument values are data and never evaluated. A value that is {@code null} or blank at call
     * time fails the call with {@link DistributeLockException} ({@code PARAM_INVALID}) and the
     * method does not run.
     */
    String keyExpression() default DistributeLockConstant.NONE_KEY;

    /**
     * Lease in milliseconds. Default {@link DistributeLockConstant#DEFAULT_EXPIRE_TIME} (-1): no
     * fixed lease, Redisson's watchdog renews the lock while the holder's JVM is alive. A positive
     * value is a fixed lease: the lock expires after it even if the method is still running (see
     * {@link DistributeLockContext#fencingToken()} for guarding writes against that).
     */
    int expireTime() default DistributeLockConstant.DEFAULT_EXPIRE_TIME;

    /**
     * Maximum wait for the lock in milliseconds. Default
     * {@link DistributeLockConstant#DEFAULT_WAIT_TIME} (-1): the configured
     * {@code tradekit.lock.default-wait-time}, and when that is unset, block until acquired.
     * {@code 0} tries once; a positive value waits up to that long. Not acquired in time:
     * {@link DistributeLockException} with code {@code LOCK_FAILED}, and the method does not run.
     */
    int waitTime() default DistributeLockConstant.DEFAULT_WAIT_TIME;
}
