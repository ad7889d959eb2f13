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
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The face of a real (Caffeine) JetCache cache inside real Spring transactions: a transaction
 * manager without a resource runs Spring's own commit and rollback sequence of synchronizations.
 */
class TradekitCacheTests {

    private final TransactionTemplate tx = new TransactionTemplate(new ResourcelessTransactionManager());

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
        tx.executeWithoutResult(status -> {
            cache.remove("k");
            cache.put("n", "new");
            cache.REMOVE_ALL(Set.of("x"));
            assertThat(target.get("k")).as("not before the commit").isEqualTo("old");
            assertThat(target.get("n")).isNull();
        });
        assertThat(target.get("k")).isNull();
        assertThat(target.get("n")).isEqualTo("new");
    }

    @Test
    void anInvalidationFromAnotherSynchronizationsAfterCommitStillRuns() {
        // The usual way to invalidate "after commit" by hand: it must not be swallowed by our deferral.
        target.put("k", "old");
        tx.executeWithoutResult(status -> TransactionSynchronizationManager.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        cache.remove("k");
                    }
                }));
        assertThat(target.get("k")).isNull();
    }

    @Test
    void aRollbackDropsThem() {
        target.put("k", "old");
        tx.executeWithoutResult(status -> {
            cache.remove("k");
            cache.PUT("n", "new");
            status.setRollbackOnly();
        });
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

    /** Spring's commit/rollback sequence without a database. */
    private static final class ResourcelessTransactionManager extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
        }
    }
}
