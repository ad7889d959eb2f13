package io.tradekit.sample.nft.shared.id;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the id generator and its worker id lease ({@code sample.id.*}). */
@ConfigurationProperties("sample.id")
public class IdProperties {

    /** Namespace of the worker id lease keys in Redis; instances that must not collide share it. */
    private String keyPrefix = "sample:id:worker:";

    /** How long a worker id lease lives without renewal. */
    private Duration leaseTtl = Duration.ofSeconds(30);

    /** How often the lease is renewed; less than half the TTL. */
    private Duration renewInterval = Duration.ofSeconds(10);

    /** The largest clock step back that is waited out; a larger one fails id generation. */
    private Duration maxClockBackward = Duration.ofMillis(10);

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public Duration getLeaseTtl() {
        return leaseTtl;
    }

    public void setLeaseTtl(Duration leaseTtl) {
        this.leaseTtl = leaseTtl;
    }

    public Duration getRenewInterval() {
        return renewInterval;
    }

    public void setRenewInterval(Duration renewInterval) {
        this.renewInterval = renewInterval;
    }

    public Duration getMaxClockBackward() {
        return maxClockBackward;
    }

    public void setMaxClockBackward(Duration maxClockBackward) {
        this.maxClockBackward = maxClockBackward;
    }
}
