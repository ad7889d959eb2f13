package io.tradekit.sample.nft.shared.throttle;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import java.time.Duration;

/** A login refused by {@link LoginThrottle} before any password check; answered 429 with {@code Retry-After}. */
public class LoginThrottledException extends BizException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /** @param retryAfter when a new attempt may succeed at the latest (the refusing limit's window) */
    public LoginThrottledException(Duration retryAfter) {
        super(CommonErrorCode.TOO_MANY_REQUESTS, "Too many login attempts, retry later.");
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole seconds for the {@code Retry-After} header, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
