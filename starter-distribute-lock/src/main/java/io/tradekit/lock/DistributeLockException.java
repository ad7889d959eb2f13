package io.tradekit.lock;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.ErrorCode;

/**
 * A {@link DistributeLock} or {@link DistributeLockTemplate} call that did not run its method:
 * {@link CommonErrorCode#LOCK_FAILED} when the lock was not acquired in time (or the wait was
 * interrupted, or the lock was lost before a fencing token was taken),
 * {@link CommonErrorCode#PARAM_INVALID} when the key is null, blank or too long, and
 * {@link CommonErrorCode#SERVICE_UNAVAILABLE} when Redis could not be reached.
 */
public class DistributeLockException extends BizException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with {@link CommonErrorCode#LOCK_FAILED}.
     *
     * @param message the detail message (never a raw key)
     */
    public DistributeLockException(String message) {
        super(CommonErrorCode.LOCK_FAILED, message);
    }

    /**
     * Creates an exception with a specific code.
     *
     * @param errorCode the failure's code
     * @param message   the detail message (never a raw key)
     * @param cause     the underlying cause, or {@code null}
     */
    public DistributeLockException(ErrorCode errorCode, String message, Throwable cause) {
        super(errorCode, message, cause);
    }
}
