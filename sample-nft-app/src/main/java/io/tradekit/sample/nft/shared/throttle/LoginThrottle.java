package io.tradekit.sample.nft.shared.throttle;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.redis.RedisFaults;
import io.tradekit.sso.metrics.SsoMetrics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.Supplier;
import org.redisson.api.RBucket;
import org.redisson.api.RRateLimiter;
import org.redisson.api.RateType;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * Reserves a password check before it is made, so refused attempts cost no hash (the CPU lever of a
 * password-guessing storm) and every instance sees the same counts (Redisson {@code RRateLimiter}s,
 * state only in Redis).
 *
 * <p>The policy, each limit a sliding window:
 * <ul>
 *   <li><b>per address</b>: every password check from one client address counts, whatever the account
 *       ({@code per-address}, default 100 a minute);</li>
 *   <li><b>per account, from addresses it never logged in from</b>: failed checks count, in one budget
 *       shared by all such addresses ({@code per-account}, default 10 per 15 minutes) — what bounds
 *       guessing on one account from many addresses;</li>
 *   <li><b>per account and known address</b>: an address the account logged in from successfully
 *       ({@code known-address-ttl}, default 30 days) has a failure budget of its own, the same size.</li>
 * </ul>
 * Accounts are folded (width, case, surrounding spaces) so that spellings a case-insensitive
 * collation resolves to one account share one budget. So hammering an account from elsewhere never locks its owner out of an address they used before
 * (lockout-as-DoS); it does refuse the owner on a new address until the window frees. A check
 * reserves its failure permit first and gives it back on success, so concurrent attempts cannot
 * overrun a budget.
 *
 * <p>Fails closed: when Redis cannot answer, the login is refused ({@code SERVICE_UNAVAILABLE}).
 */
public class LoginThrottle {

    private final RedissonClient redisson;
    private final LoginThrottleProperties settings;
    private final SsoMetrics metrics;
    private final ServerBreaker breaker;

    /** @param redisson the shared Redis client; @param settings validated limits */
    public LoginThrottle(RedissonClient redisson, LoginThrottleProperties settings) {
        this(redisson, settings, null);
    }

    /**
     * @param metrics counts throttled and failed logins into {@code tradekit.sso.logins{outcome}}
     *                (successes are counted by the SSO starter itself); {@code null} for none
     */
    public LoginThrottle(RedissonClient redisson, LoginThrottleProperties settings, SsoMetrics metrics) {
        this(redisson, settings, metrics, null);
    }

    /**
     * @param breaker the application's {@code redis} breaker: while it is open a login is refused at once
     *                instead of waiting for Redisson's timeouts and retries; {@code null} for none
     */
    public LoginThrottle(RedissonClient redisson, LoginThrottleProperties settings, SsoMetrics metrics,
                         ServerBreaker breaker) {
        settings.validate();
        this.redisson = redisson;
        this.settings = settings;
        this.metrics = metrics;
        this.breaker = breaker;
    }

    /**
     * Reserves one password check of {@code account} (within {@code scope}, e.g. {@code "user"}) from
     * {@code address}; call {@link Attempt#succeeded()} when the password matched.
     *
     * @throws LoginThrottledException when a limit is reached (no check may be made)
     * @throws BizException            {@code SERVICE_UNAVAILABLE} when Redis does not answer
     */
    public Attempt begin(String scope, String account, String address) {
        if (scope == null || scope.isEmpty() || account == null) {
            throw new IllegalArgumentException("scope and account are required");
        }
        String accountKey = settings.getKeyPrefix() + scope + ":" + digest(fold(account));
        String addressKey = digest(address == null || address.isBlank() ? "unknown" : address.strip());
        return guarded(() -> reserve(accountKey, addressKey));
    }

    private Attempt reserve(String accountKey, String addressKey) {
        try {
            RBucket<String> known = redisson.getBucket(accountKey + ":known:" + addressKey);
            RRateLimiter failures = limiter(known.isExists() ? accountKey + ":fail:" + addressKey
                    : accountKey + ":fail", settings.getPerAccount());
            if (!failures.tryAcquire()) {
                throw throttled(settings.getPerAccount());
            }
            if (!limiter(settings.getKeyPrefix() + "addr:" + addressKey, settings.getPerAddress()).tryAcquire()) {
                failures.release(1);
                throw throttled(settings.getPerAddress());
            }
            return new Attempt(failures, known);
        } catch (RedisException e) {
            throw unavailable(e);
        }
    }

    private LoginThrottledException throttled(LoginThrottleProperties.Limit limit) {
        if (metrics != null) {
            metrics.loginThrottled();
        }
        return new LoginThrottledException(limit.getWindow());
    }

    private RRateLimiter limiter(String key, LoginThrottleProperties.Limit limit) {
        RRateLimiter limiter = redisson.getRateLimiter(key);
        // Sets the rate once per key lifetime; keys vanish one window after their last use.
        limiter.trySetRate(RateType.OVERALL, limit.getLimit(), limit.getWindow(), limit.getWindow());
        return limiter;
    }

    /** Through the breaker when there is one: refused while open, Redis faults counted against it. */
    private <T> T guarded(Supplier<T> call) {
        if (breaker == null) {
            return call.get();
        }
        try {
            return breaker.call(call::get, RedisFaults::isServerFault);
        } catch (ServerUnavailableException refused) {
            throw new BizException(CommonErrorCode.SERVICE_UNAVAILABLE, "Login is unavailable, retry later.", refused);
        }
    }

    private static BizException unavailable(RedisException e) {
        return new BizException(CommonErrorCode.SERVICE_UNAVAILABLE, "Login is unavailable, retry later.", e);
    }

    // One budget for the spellings a case-insensitive, space-padding collation finds as one account.
    static String fold(String account) {
        return Normalizer.normalize(account, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    // Fixed-length keys that carry no phone number, login name or address in clear.
    static String digest(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** One reserved password check. */
    public final class Attempt {

        private final RRateLimiter failures;
        private final RBucket<String> known;

        private Attempt(RRateLimiter failures, RBucket<String> known) {
            this.failures = failures;
            this.known = known;
        }

        /**
         * The password matched: the failure permit returns and the address becomes known to the account.
         * (Redisson returns the permit to the count at once but keeps its record until it leaves the
         * window, so within one window a budget can be off by the successes in it; failures alone are exact.)
         */
        public void succeeded() {
            guarded(() -> {
                try {
                    failures.release(1);
                    known.set("1", settings.getKnownAddressTtl());
                    return null;
                } catch (RedisException e) {
                    throw unavailable(e);
                }
            });
        }

        /** The password did not match (or the account is unknown): counted as a failed login; the permit stays spent. */
        public void failed() {
            if (metrics != null) {
                metrics.loginFailed();
            }
        }
    }
}
