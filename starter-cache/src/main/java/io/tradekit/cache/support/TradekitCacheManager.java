package io.tradekit.cache.support;

import com.alicp.jetcache.Cache;
import com.alicp.jetcache.RefreshPolicy;
import com.alicp.jetcache.SimpleCacheManager;
import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.template.QuickConfig;
import io.tradekit.cache.remote.RemoteLevelMissingException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JetCache's cache manager with tradekit's defaults filled into every cache it creates, and
 * every cache handed out as a {@link TradekitCache}.
 *
 * <p>Defaults, applied where the annotation (or {@link QuickConfig}) leaves a setting unset:
 * syncLocal for BOTH caches (JetCache's annotation default is off, and an annotation cannot
 * tell "unset" from "false", so it is on for every BOTH cache while the broadcast is on), a
 * local expire shorter than the remote one, penetration protection with a bounded wait, and
 * {@code stopRefreshAfterLastAccess} for refreshing caches.
 */
public class TradekitCacheManager extends SimpleCacheManager {

    private final CacheDefaults defaults;
    private final String missingRemoteLevel;
    private final ConcurrentHashMap<String, Cache<?, ?>> faces = new ConcurrentHashMap<>();

    /** A manager of caches on both levels. */
    public TradekitCacheManager(CacheDefaults defaults) {
        this(defaults, null);
    }

    /**
     * @param defaults           what fills the settings a cache leaves unset
     * @param missingRemoteLevel null when there is a remote level; else why there is none and what to
     *                           add: every REMOTE or BOTH cache is then refused with it
     */
    public TradekitCacheManager(CacheDefaults defaults, String missingRemoteLevel) {
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.missingRemoteLevel = missingRemoteLevel;
    }

    public CacheDefaults defaults() {
        return defaults;
    }

    private static String id(String area, String name) {
        return area + '\u0000' + name;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> Cache<K, V> getOrCreateCache(QuickConfig config) {
        Objects.requireNonNull(config.getArea(), "area");
        Objects.requireNonNull(config.getName(), "name");
        String id = id(config.getArea(), config.getName());
        Cache<?, ?> face = faces.get(id);
        if (face == null) {
            refuseWithoutRemoteLevel(config);
            face = faces.computeIfAbsent(id, unused -> new TradekitCache<>(super.getOrCreateCache(withDefaults(config)),
                    defaults.nullExpire(), defaults.afterCommit()));
        }
        return (Cache<K, V>) face;
    }

    @Override
    public Cache getCache(String area, String cacheName) {
        Cache<?, ?> face = faces.get(id(area, cacheName));
        return face != null ? face : super.getCache(area, cacheName);
    }

    @Override
    public void close() {
        faces.clear();
        super.close();
    }

    /**
     * A cache created in code (QuickConfig) escapes the start-up check of annotations: without a
     * remote level, a REMOTE or BOTH one fails here instead of silently staying per instance.
     */
    private void refuseWithoutRemoteLevel(QuickConfig config) {
        if (missingRemoteLevel != null && config.getCacheType() != CacheType.LOCAL) {
            CacheType type = config.getCacheType() == null ? CacheType.REMOTE : config.getCacheType();
            throw new RemoteLevelMissingException("tradekit.cache: the " + type + " cache '" + config.getName()
                    + "' needs the remote (Redis) level, and there is none.", missingRemoteLevel);
        }
    }

    QuickConfig withDefaults(QuickConfig c) {
        boolean both = c.getCacheType() == CacheType.BOTH;
        QuickConfig.Builder b = QuickConfig.newBuilder(c.getArea(), c.getName())
                .expire(c.getExpire())
                .localExpire(c.getLocalExpire() != null || !both ? c.getLocalExpire() : localExpire(c.getExpire()))
                .localLimit(c.getLocalLimit() != null ? c.getLocalLimit() : defaults.localLimit())
                .cacheType(c.getCacheType())
                .syncLocal(both && defaults.syncLocal() ? Boolean.TRUE : c.getSyncLocal())
                .keyConvertor(c.getKeyConvertor())
                .valueEncoder(c.getValueEncoder())
                .valueDecoder(c.getValueDecoder())
                .cacheNullValue(c.getCacheNullValue())
                .useAreaInPrefix(c.getUseAreaInPrefix())
                .penetrationProtect(c.getPenetrationProtect() != null ? c.getPenetrationProtect()
                        : defaults.penetrationProtect())
                .penetrationProtectTimeout(c.getPenetrationProtectTimeout() != null ? c.getPenetrationProtectTimeout()
                        : defaults.penetrationProtectTimeout())
                .refreshPolicy(refreshPolicy(c.getRefreshPolicy()));
        if (c.getLoader() != null) {
            b.loader(c.getLoader());
        }
        return b.build();
    }

    private Duration localExpire(Duration expire) {
        Duration local = defaults.localExpire();
        if (local == null || expire == null || expire.isZero() || expire.isNegative()) {
            return local;
        }
        return local.compareTo(expire) < 0 ? local : expire;
    }

    private RefreshPolicy refreshPolicy(RefreshPolicy policy) {
        if (policy == null || policy.getStopRefreshAfterLastAccessMillis() > 0
                || defaults.stopRefreshAfterLastAccess() == null) {
            return policy;
        }
        RefreshPolicy bounded = policy.clone();
        bounded.setStopRefreshAfterLastAccessMillis(defaults.stopRefreshAfterLastAccess().toMillis());
        return bounded;
    }
}
