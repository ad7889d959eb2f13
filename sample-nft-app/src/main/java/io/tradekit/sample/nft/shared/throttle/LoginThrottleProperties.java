package io.tradekit.sample.nft.shared.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Login throttling ({@code sample.throttle.login.*}); see {@link LoginThrottle} for the policy. */
@ConfigurationProperties("sample.throttle.login")
public class LoginThrottleProperties {

    /** Namespace of the limiter keys in Redis; instances that share limits share it. */
    private String keyPrefix = "sample:throttle:login:";

    /** Password checks one client address may cause, whatever the accounts, per {@code per-address.window}. */
    private final Limit perAddress = new Limit(100, Duration.ofMinutes(1));

    /** Failed password checks per account per window: one budget for all addresses the account never
     * logged in from, and one of the same size for each address it did. */
    private final Limit perAccount = new Limit(10, Duration.ofMinutes(15));

    /** How long an address stays known to an account after a successful login from it. */
    private Duration knownAddressTtl = Duration.ofDays(30);

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public Limit getPerAddress() {
        return perAddress;
    }

    public Limit getPerAccount() {
        return perAccount;
    }

    public Duration getKnownAddressTtl() {
        return knownAddressTtl;
    }

    public void setKnownAddressTtl(Duration knownAddressTtl) {
        this.knownAddressTtl = knownAddressTtl;
    }

    /** Refuses settings that would switch the throttle off or misbehave, naming the property. */
    void validate() {
        if (keyPrefix == null || keyPrefix.isBlank()) {
            throw new IllegalStateException("sample.throttle.login.key-prefix must not be blank");
        }
        perAddress.validate("sample.throttle.login.per-address");
        perAccount.validate("sample.throttle.login.per-account");
        if (knownAddressTtl == null || knownAddressTtl.toSeconds() < 1) {
            throw new IllegalStateException("sample.throttle.login.known-address-ttl must be at least 1s, was "
                    + knownAddressTtl);
        }
    }

    /** A number of permits per sliding window. */
    public static class Limit {

        /** Permits per window (1 to 1,000,000). */
        private long limit;

        /** The sliding window (1 s to 1 day); also the {@code Retry-After} when the limit is reached. */
        private Duration window;

        Limit(long limit, Duration window) {
            this.limit = limit;
            this.window = window;
        }

        public long getLimit() {
            return limit;
        }

        public void setLimit(long limit) {
            this.limit = limit;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        void validate(String prefix) {
            if (limit < 1 || limit > 1_000_000) {
                throw new IllegalStateException(prefix + ".limit must be 1 to 1000000, was " + limit);
            }
            if (window == null || window.toMillis() < 1000 || window.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalStateException(prefix + ".window must be 1s to 1d, was " + window);
            }
        }
    }
}
