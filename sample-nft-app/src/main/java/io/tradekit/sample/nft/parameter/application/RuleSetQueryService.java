package io.tradekit.sample.nft.parameter.application;

import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.anno.Cached;
import io.tradekit.sample.nft.parameter.api.RuleSetDTO;
import io.tradekit.sample.nft.parameter.domain.ParameterRepository;
import org.springframework.stereotype.Service;

/**
 * Reads published rule sets. A given version never changes, so it is cached for long; the latest
 * version number is cached briefly and invalidated by {@link RuleSetCacheInvalidator} after every
 * publication. Correctness never depends on the cache: a stale "latest" only means a review pins
 * the previous version, and it records which one.
 */
@Service
public class RuleSetQueryService {

    /** JetCache area names; the invalidator uses the same. */
    static final String LATEST = "param.ruleset.latest:";
    static final String VERSION = "param.ruleset.version:";

    private final ParameterRepository repository;

    public RuleSetQueryService(ParameterRepository repository) {
        this.repository = repository;
    }

    /** The newest published version, or {@code null} when the business type has none. */
    @Cached(name = LATEST, key = "#businessType", expire = 300, cacheType = CacheType.BOTH, cacheNullValue = false)
    public RuleSetDTO latest(String businessType) {
        // null rather than Optional: the cached value must survive the remote cache's serializer.
        return businessType == null ? null : repository.latestVersion(businessType).map(RuleSetViews::dto).orElse(null);
    }

    /** Exactly that published version, or {@code null}. */
    @Cached(name = VERSION, key = "#businessType + ':' + #version", expire = 86400, cacheType = CacheType.BOTH,
            cacheNullValue = false)
    public RuleSetDTO version(String businessType, int version) {
        return businessType == null ? null : repository.version(businessType, version).map(RuleSetViews::dto).orElse(null);
    }
}
