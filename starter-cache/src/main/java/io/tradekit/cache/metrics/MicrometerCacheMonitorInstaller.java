package io.tradekit.cache.metrics;

import com.alicp.jetcache.Cache;
import com.alicp.jetcache.CacheManager;
import com.alicp.jetcache.template.CacheMonitorInstaller;
import com.alicp.jetcache.template.QuickConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Adds a {@link MicrometerCacheMonitor} to every cache JetCache creates: meters
 * {@code tradekit.cache.gets} (result hit, miss, error), {@code tradekit.cache.loads} (timer,
 * result success, failure), {@code tradekit.cache.puts} and {@code tradekit.cache.removals}, each
 * tagged with the cache's name (never a key).
 */
public final class MicrometerCacheMonitorInstaller implements CacheMonitorInstaller {

    private final MeterRegistry registry;

    public MicrometerCacheMonitorInstaller(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void addMonitors(CacheManager cacheManager, Cache cache, QuickConfig quickConfig) {
        String name = quickConfig.getArea().equals("default") ? quickConfig.getName()
                : quickConfig.getArea() + "." + quickConfig.getName();
        cache.config().getMonitors().add(new MicrometerCacheMonitor(registry, name));
    }
}
