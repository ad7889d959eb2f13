package io.tradekit.cache.support;

import com.alicp.jetcache.anno.support.SpringConfigProvider;
import com.alicp.jetcache.template.CacheMonitorInstaller;
import com.alicp.jetcache.template.MetricsMonitorInstaller;
import java.util.List;

/**
 * JetCache's Spring config provider with tradekit's monitor installers (Micrometer meters) added
 * to JetCache's own (the broadcast one), and JetCache's periodic statistics log left out.
 */
public class TradekitConfigProvider extends SpringConfigProvider {

    private final List<CacheMonitorInstaller> extraInstallers;

    public TradekitConfigProvider(List<CacheMonitorInstaller> extraInstallers) {
        this.extraInstallers = List.copyOf(extraInstallers);
    }

    @Override
    protected void initCacheMonitorInstallers() {
        super.initCacheMonitorInstallers();
        // JetCache's periodic statistics log is replaced by the Micrometer meters.
        getCacheBuilderTemplate().getCacheMonitorInstallers().removeIf(MetricsMonitorInstaller.class::isInstance);
        getCacheBuilderTemplate().getCacheMonitorInstallers().addAll(extraInstallers);
    }
}
