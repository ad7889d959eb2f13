package io.tradekit.lock.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@link io.tradekit.lock.DistributeLock} and
 * {@link io.tradekit.lock.DistributeLockTemplate} under {@code tradekit.lock}.
 */
@ConfigurationProperties("tradekit.lock")
public class DistributeLockProperties {

    /**
     * Whether @DistributeLock takes its lock and the DistributeLockTemplate bean is set up. false is
     * the one way to run annotated methods without a lock (one WARN at start-up names them); only
     * true or false are accepted.
     */
    private boolean enabled = true;

    /** Prefix of every lock name in Redis; the full name is prefix + "{" + scene + "#" + key + "}". */
    private String keyPrefix = "tradekit:lock:";

    /**
     * Wait used when an annotation or template call leaves waitTime at -1. Unset: block until the
     * lock is acquired.
     */
    private Duration defaultWaitTime;

    /**
     * Order of the lock advisor. The default, Integer.MIN_VALUE, puts the lock outside
     * @Transactional (whose advisor has the lowest precedence by default) and other aspects.
     */
    private int order = -2147483648; // Integer.MIN_VALUE, as a literal so the metadata shows it

    /** Longest lock key accepted; a longer key fails the call with PARAM_INVALID. */
    private int maxKeyLength = 512;

    /**
     * How often locks held longer than this are checked to still be their holder's in Redis, to
     * report a watchdog that failed to renew or a fixed lease that ran out. Zero disables the check.
     */
    private Duration leaseCheckInterval = Duration.ofSeconds(10);

    /** Lifetime of a lock's fencing-token counter after its last token. */
    private Duration fencingTokenTtl = Duration.ofDays(1);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public Duration getDefaultWaitTime() {
        return defaultWaitTime;
    }

    public void setDefaultWaitTime(Duration defaultWaitTime) {
        this.defaultWaitTime = defaultWaitTime;
    }

    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }

    public int getMaxKeyLength() {
        return maxKeyLength;
    }

    public void setMaxKeyLength(int maxKeyLength) {
        this.maxKeyLength = maxKeyLength;
    }

    public Duration getLeaseCheckInterval() {
        return leaseCheckInterval;
    }

    public void setLeaseCheckInterval(Duration leaseCheckInterval) {
        this.leaseCheckInterval = leaseCheckInterval;
    }

    public Duration getFencingTokenTtl() {
        return fencingTokenTtl;
    }

    public void setFencingTokenTtl(Duration fencingTokenTtl) {
        this.fencingTokenTtl = fencingTokenTtl;
    }
}
