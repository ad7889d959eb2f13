package io.tradekit.cache.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.alicp.jetcache.Cache;
import com.alicp.jetcache.CacheLoader;
import com.alicp.jetcache.embedded.CaffeineCacheBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

/** The face of a real (Caffeine) JetCache cache, with Spring's transaction synchronization driven by hand. */
class TradekitCacheTests {

    private final Cache<String, String> target = CaffeineCacheBuilder.createCaffeineCacheBuilder().limit(100).buildCache();
    private final TradekitCache<String, String> cache = new TradekitCache<>(target, Duration.ofSeconds(10), true);

    @AfterEach
    void clear() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void outsideATransactionWritesAndInvalidationsHappenAtOnce() {
        cache.put("k", "v");
        assertThat(target.get("k")).isEqualTo("v");
        assertThat(cache.remove("k")).isTrue();
        assertThat(target.get("k")).isNull();
        cache.putAll(Map.of("a", "1", "b", "2"));
        cache.removeAll(Set.of("a"));
        assertThat(target.get("a")).isNull();
        assertThat(target.get("b")).isEqualTo("2");
    }

    @Test
    void insideATransactionTheyWaitForTheCommit() {
        target.put("k", "old");
        TransactionSynchronizationManager.initSynchronization();
        cache.remove("k");
        cache.put("n", "new");
        cache.REMOVE_ALL(Set.of("x"));
        assertThat(target.get("k")).as("not before the commit").isEqualTo("old");
        assertThat(target.get("n")).isNull();

        TransactionSynchronizationUtils.triggerAfterCommit();
        assertThat(target.get("k")).isNull();
        assertThat(target.get("n")).isEqualTo("new");
    }

    @Test
    void aRollbackDropsThem() {
        target.put("k", "old");
        TransactionSynchronizationManager.initSynchronization();
        cache.remove("k");
        cache.PUT("n", "new");
        TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
                TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(target.get("k")).isEqualTo("old");
        assertThat(target.get("n")).isNull();
    }

    @Test
    void withAfterCommitOffTheyHappenAtOnceEvenInATransaction() {
        TradekitCache<String, String> eager = new TradekitCache<>(target, null, false);
        TransactionSynchronizationManager.initSynchronization();
        eager.put("k", "v");
        assertThat(target.get("k")).isEqualTo("v");
    }

    @Test
    void aNullLoadIsCachedSoTheLoaderRunsOnce() {
        AtomicInteger loads = new AtomicInteger();
        CacheLoader<String, String> loader = key -> {
            loads.incrementAndGet();
            return null;
        };
        assertThat(cache.computeIfAbsent("missing", loader)).isNull();
        assertThat(cache.computeIfAbsent("missing", loader)).isNull();
        assertThat(loads).hasValue(1);

        TradekitCache<String, String> noNulls = new TradekitCache<>(
                CaffeineCacheBuilder.createCaffeineCacheBuilder().limit(10).<String, String>buildCache(), null, true);
        noNulls.computeIfAbsent("missing", loader);
        noNulls.computeIfAbsent("missing", loader);
        assertThat(loads).as("without null-expire nulls are not cached").hasValue(3);
    }

    @Test
    void aVetoedLoadCachesNothingNotEvenANull() {
        AtomicInteger loads = new AtomicInteger();
        CacheLoader<String, String> vetoing = new CacheLoader<>() {
            @Override
            public String load(String key) {
                loads.incrementAndGet();
                return null;
            }

            @Override
            public boolean vetoCacheUpdate() {
                return true;
            }
        };
        cache.computeIfAbsent("k", vetoing);
        cache.computeIfAbsent("k", vetoing);
        assertThat(loads).hasValue(2);
    }
}
