package io.tradekit.sample.nft.parameter.application;

import com.alicp.jetcache.anno.CacheInvalidate;
import org.springframework.stereotype.Component;

/**
 * Drops the cached "latest version" of a business type. A bean of its own so the JetCache aspect
 * sees the call (a self-call would bypass it); called after the publishing transaction commits.
 */
@Component
public class RuleSetCacheInvalidator {

    @CacheInvalidate(name = RuleSetQueryService.LATEST, key = "#businessType")
    public void latestChanged(String businessType) {
        // The annotation does the work; nothing else to do.
    }
}
