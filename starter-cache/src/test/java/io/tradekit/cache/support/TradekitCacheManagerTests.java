package io.tradekit.cache.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.alicp.jetcache.RefreshPolicy;
import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.template.QuickConfig;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TradekitCacheManagerTests {

    private final CacheDefaults defaults = new CacheDefaults(true, Duration.ofSeconds(30), 500, true,
            Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofSeconds(10), true);
    private final TradekitCacheManager manager = new TradekitCacheManager(defaults);

    @Test
    void fillsTheDefaultsIntoABothCacheFromTheSeed() {
        QuickConfig seed = QuickConfig.newBuilder("userCache").expire(Duration.ofSeconds(60)).cacheType(CacheType.BOTH)
                .syncLocal(false).refreshPolicy(RefreshPolicy.newPolicy(30, TimeUnit.SECONDS)).build();
        QuickConfig filled = manager.withDefaults(seed);
        assertThat(filled.getSyncLocal()).as("the annotation's false cannot be told from unset").isTrue();
        assertThat(filled.getLocalExpire()).isEqualTo(Duration.ofSeconds(30));
        assertThat(filled.getExpire()).isEqualTo(Duration.ofSeconds(60));
        assertThat(filled.getLocalLimit()).isEqualTo(500);
        assertThat(filled.getPenetrationProtect()).isTrue();
        assertThat(filled.getPenetrationProtectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(filled.getRefreshPolicy().getRefreshMillis()).isEqualTo(30_000);
        assertThat(filled.getRefreshPolicy().getStopRefreshAfterLastAccessMillis()).isEqualTo(300_000);
        assertThat(seed.getRefreshPolicy().getStopRefreshAfterLastAccessMillis()).as("the original is not changed").isZero();
    }

    @Test
    void keepsWhatTheAnnotationSet() {
        QuickConfig explicit = QuickConfig.newBuilder("c").expire(Duration.ofSeconds(10)).localExpire(Duration.ofSeconds(2))
                .localLimit(7).cacheType(CacheType.BOTH).penetrationProtect(false)
                .penetrationProtectTimeout(Duration.ofSeconds(1))
                .refreshPolicy(RefreshPolicy.newPolicy(1, TimeUnit.SECONDS).stopRefreshAfterLastAccess(3, TimeUnit.SECONDS))
                .build();
        QuickConfig filled = manager.withDefaults(explicit);
        assertThat(filled.getLocalExpire()).isEqualTo(Duration.ofSeconds(2));
        assertThat(filled.getLocalLimit()).isEqualTo(7);
        assertThat(filled.getPenetrationProtect()).isFalse();
        assertThat(filled.getPenetrationProtectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(filled.getRefreshPolicy().getStopRefreshAfterLastAccessMillis()).isEqualTo(3_000);
    }

    @Test
    void theLocalCopyNeverOutlivesTheCacheAndOnlyBothCachesGetLocalSettings() {
        QuickConfig shortLived = QuickConfig.newBuilder("c").expire(Duration.ofSeconds(5)).cacheType(CacheType.BOTH).build();
        assertThat(manager.withDefaults(shortLived).getLocalExpire()).isEqualTo(Duration.ofSeconds(5));

        QuickConfig remote = QuickConfig.newBuilder("r").expire(Duration.ofSeconds(60)).cacheType(CacheType.REMOTE)
                .syncLocal(false).build();
        QuickConfig filled = manager.withDefaults(remote);
        assertThat(filled.getSyncLocal()).isFalse();
        assertThat(filled.getLocalExpire()).isNull();
        assertThat(filled.getRefreshPolicy()).isNull();
    }

    @Test
    void withTheBroadcastOffSyncLocalIsTheAnnotations() {
        TradekitCacheManager quiet = new TradekitCacheManager(new CacheDefaults(false, null, 100, false, null, null, null,
                false));
        QuickConfig both = QuickConfig.newBuilder("c").cacheType(CacheType.BOTH).syncLocal(false).build();
        assertThat(quiet.withDefaults(both).getSyncLocal()).isFalse();
        assertThat(quiet.withDefaults(both).getLocalExpire()).isNull();
    }
}
