package io.tradekit.cache.autoconfigure;

import io.tradekit.cache.remote.RemoteClient;
import io.tradekit.core.redis.LettuceSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Settings of the JetCache two-level cache under {@code tradekit.cache}; they replace JetCache's
 * own {@code jetcache.*} YAML, which this starter does not read.
 */
@ConfigurationProperties("tradekit.cache")
public class TradekitCacheProperties {

    /** Whether the two-level cache and JetCache's method annotations are set up. */
    private boolean enabled = true;

    /**
     * Packages whose beans get @Cached, @CacheInvalidate, @CacheUpdate and @CacheRefresh applied.
     * Empty: the application's package (that of its @SpringBootApplication class).
     */
    private List<String> basePackages = new ArrayList<>();

    /**
     * Prefix of every remote key; the full key is prefix + cache name + key. Instances of one
     * application must share it; applications sharing a Redis should not.
     */
    private String keyPrefix = "tradekit:cache:";

    /** Order of JetCache's method advisor among other advisors. */
    private int order = 2147483647; // Ordered.LOWEST_PRECEDENCE, as a literal so the metadata shows it

    /**
     * Whether cache writes and invalidations made inside a Spring transaction wait for its commit
     * (and are dropped on rollback), so that no instance re-caches the row the transaction changes.
     */
    private boolean afterCommit = true;

    /** Whether a missing result (the method returned null) is cached, for {@code null-expire}. */
    private boolean cacheNullValues = true;

    /** Lifetime of a cached null: short, so that a row created later is seen soon. */
    private Duration nullExpire = Duration.ofSeconds(10);

    /**
     * Whether concurrent misses on one key in one instance wait for a single load
     * (JetCache's penetration protection) unless @CachePenetrationProtect says otherwise.
     */
    private boolean penetrationProtect = true;

    /**
     * Longest wait of a protected miss for another thread's load; after it the waiting thread loads
     * itself. Unset: wait as long as the load takes.
     */
    private Duration penetrationProtectTimeout = Duration.ofSeconds(5);

    /**
     * How long after the last read a key's refresh task (@CacheRefresh) keeps refreshing it, when
     * the annotation leaves stopRefreshAfterLastAccess unset: refresh tasks of keys nobody reads
     * stop instead of accumulating.
     */
    private Duration stopRefreshAfterLastAccess = Duration.ofMinutes(5);

    private final Local local = new Local();

    private final Remote remote = new Remote();

    private final Broadcast broadcast = new Broadcast();

    private final Serializer serializer = new Serializer();

    /** The local (Caffeine) level. */
    public static class Local {

        /** Most entries per cache in each instance's memory, unless @Cached(localLimit) says otherwise. */
        private int limit = 10_000;

        /**
         * Lifetime of a local copy in a BOTH cache, unless @Cached(localExpire) says otherwise (never
         * longer than the cache's expire). Bounds how long an instance can serve a stale copy when
         * an invalidation message is lost.
         */
        private Duration expire = Duration.ofSeconds(30);

        public int getLimit() {
            return limit;
        }

        public void setLimit(int limit) {
            this.limit = limit;
        }

        public Duration getExpire() {
            return expire;
        }

        public void setExpire(Duration expire) {
            this.expire = expire;
        }
    }

    /** The remote (Redis) level. */
    public static class Remote {

        /**
         * The Redis client of the remote level: "redisson" (the application's RedissonClient bean) or
         * "lettuce" (a client of the cache's own on spring.data.redis.*, one shared auto-pipelining
         * connection: faster remote hits from many threads).
         */
        private RemoteClient client = RemoteClient.REDISSON;

        /**
         * The Lettuce client's timeouts, when {@code client=lettuce} (descriptions and defaults in
         * additional-spring-configuration-metadata.json: the type is compiled in tradekit-core).
         */
        @NestedConfigurationProperty
        private final LettuceSettings lettuce = new LettuceSettings(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(1));

        /** Lifetime of a cached value when @Cached(expire) is unset. */
        private Duration expire = Duration.ofHours(1);

        /**
         * Consecutive remote failures after which the remote level is skipped (reads go to the
         * loader) for {@code open-duration}, so that callers do not wait a Redis timeout on every call.
         */
        private int failureThreshold = 3;

        /** How long the remote level is skipped after {@code failure-threshold} failures; then one call retries it. */
        private Duration openDuration = Duration.ofSeconds(5);

        /** Longest wait of the health check's round trip to Redis. */
        private Duration healthTimeout = Duration.ofSeconds(2);

        public Duration getExpire() {
            return expire;
        }

        public void setExpire(Duration expire) {
            this.expire = expire;
        }

        public RemoteClient getClient() {
            return client;
        }

        public void setClient(RemoteClient client) {
            this.client = client;
        }

        public LettuceSettings getLettuce() {
            return lettuce;
        }

        public int getFailureThreshold() {
            return failureThreshold;
        }

        public void setFailureThreshold(int failureThreshold) {
            this.failureThreshold = failureThreshold;
        }

        public Duration getOpenDuration() {
            return openDuration;
        }

        public void setOpenDuration(Duration openDuration) {
            this.openDuration = openDuration;
        }

        public Duration getHealthTimeout() {
            return healthTimeout;
        }

        public void setHealthTimeout(Duration healthTimeout) {
            this.healthTimeout = healthTimeout;
        }
    }

    /** The channel that clears local copies on every instance. */
    public static class Broadcast {

        /**
         * Whether every write or invalidation of a BOTH cache is published so that the other
         * instances drop their local copy (JetCache's syncLocal, turned on for every BOTH cache).
         */
        private boolean enabled = true;

        /** Redis pub/sub channel; empty: key-prefix + "broadcast". Instances of one application must share it. */
        private String channel;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getChannel() {
            return channel;
        }

        public void setChannel(String channel) {
            this.channel = channel;
        }
    }

    /** How remote values are written. */
    public static class Serializer {

        /** Value format in Redis; Java serialization is not offered. */
        private SerializerType type = SerializerType.KRYO5;

        /**
         * Packages whose classes may be cached remotely, besides common JDK value and collection
         * types. Empty: the base packages. A value of any other class is not written, and bytes
         * naming one are not read.
         */
        private List<String> allowedPackages = new ArrayList<>();

        public SerializerType getType() {
            return type;
        }

        public void setType(SerializerType type) {
            this.type = type;
        }

        public List<String> getAllowedPackages() {
            return allowedPackages;
        }

        public void setAllowedPackages(List<String> allowedPackages) {
            this.allowedPackages = allowedPackages;
        }
    }

    /** Value formats. */
    public enum SerializerType {
        /** Kryo 5 with a class allow-list. */
        KRYO5
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getBasePackages() {
        return basePackages;
    }

    public void setBasePackages(List<String> basePackages) {
        this.basePackages = basePackages;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    public int getOrder() {
        return order;
    }

    public void setOrder(int order) {
        this.order = order;
    }

    public boolean isAfterCommit() {
        return afterCommit;
    }

    public void setAfterCommit(boolean afterCommit) {
        this.afterCommit = afterCommit;
    }

    public boolean isCacheNullValues() {
        return cacheNullValues;
    }

    public void setCacheNullValues(boolean cacheNullValues) {
        this.cacheNullValues = cacheNullValues;
    }

    public Duration getNullExpire() {
        return nullExpire;
    }

    public void setNullExpire(Duration nullExpire) {
        if (nullExpire == null || nullExpire.isZero() || nullExpire.isNegative()) {
            throw new IllegalArgumentException("tradekit.cache.null-expire must be positive (e.g. 10s), was " + nullExpire
                    + "; set tradekit.cache.cache-null-values=false to not cache nulls");
        }
        this.nullExpire = nullExpire;
    }

    public boolean isPenetrationProtect() {
        return penetrationProtect;
    }

    public void setPenetrationProtect(boolean penetrationProtect) {
        this.penetrationProtect = penetrationProtect;
    }

    public Duration getPenetrationProtectTimeout() {
        return penetrationProtectTimeout;
    }

    public void setPenetrationProtectTimeout(Duration penetrationProtectTimeout) {
        this.penetrationProtectTimeout = penetrationProtectTimeout;
    }

    public Duration getStopRefreshAfterLastAccess() {
        return stopRefreshAfterLastAccess;
    }

    public void setStopRefreshAfterLastAccess(Duration stopRefreshAfterLastAccess) {
        this.stopRefreshAfterLastAccess = stopRefreshAfterLastAccess;
    }

    public Local getLocal() {
        return local;
    }

    public Remote getRemote() {
        return remote;
    }

    public Broadcast getBroadcast() {
        return broadcast;
    }

    public Serializer getSerializer() {
        return serializer;
    }
}
