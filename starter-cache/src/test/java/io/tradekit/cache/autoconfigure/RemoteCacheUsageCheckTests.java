package io.tradekit.cache.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.alicp.jetcache.Cache;
import com.alicp.jetcache.CacheManager;
import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.anno.Cached;
import com.alicp.jetcache.anno.CreateCache;
import com.alicp.jetcache.anno.support.GlobalCacheConfig;
import com.alicp.jetcache.template.QuickConfig;
import io.tradekit.cache.health.RemoteCacheHealthIndicator;
import io.tradekit.cache.remote.RemoteLevel;
import io.tradekit.cache.support.TradekitCacheManager;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

/**
 * The cache fails closed: without a remote level (Redisson excluded, or no RedissonClient bean), a
 * remote or two-level cache fails the start-up naming it and what to add; only
 * {@code tradekit.cache.enabled=false} starts, with one WARN naming the caches.
 */
class RemoteCacheUsageCheckTests {

    /** The starter's own client excluded: no Redisson on the classpath. */
    private final ApplicationContextRunner withoutRedisson = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TradekitCacheAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader("org.redisson"))
            .withPropertyValues("tradekit.cache.base-packages=io.tradekit.cache.autoconfigure");

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger checkLog = (Logger) LoggerFactory.getLogger(RemoteCacheUsageCheck.class);

    @BeforeEach
    void captureLog() {
        logged.start();
        checkLog.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        checkLog.detachAppender(logged);
    }

    /** A two-level cache. */
    public static class Prices {

        private final AtomicInteger calls = new AtomicInteger();

        @Cached(name = "priceCache", key = "#id", cacheType = CacheType.BOTH)
        public String price(long id) {
            calls.incrementAndGet();
            return "price-" + id;
        }

        public int calls() {
            return calls.get();
        }
    }

    /** JetCache's default cache type: REMOTE. */
    public static class Names {

        @Cached(key = "#id")
        public String name(long id) {
            return "name-" + id;
        }
    }

    /** A remote cache declared on a field. */
    public static class Holder {

        @SuppressWarnings("deprecation")
        @CreateCache(name = "holderCache", cacheType = CacheType.BOTH)
        private Cache<Long, String> cache;
    }

    /** Only a local cache: needs no Redis. */
    public static class LocalCounter {

        private final AtomicInteger calls = new AtomicInteger();

        @Cached(name = "localCounter", key = "#id", cacheType = CacheType.LOCAL)
        public String count(long id) {
            calls.incrementAndGet();
            return "local-" + id;
        }

        public int calls() {
            return calls.get();
        }
    }

    /** Creates a two-level cache in code while starting: no annotation shows it. */
    public static class QuickConfigUser implements InitializingBean {

        private final CacheManager cacheManager;

        public QuickConfigUser(CacheManager cacheManager) {
            this.cacheManager = cacheManager;
        }

        @Override
        public void afterPropertiesSet() {
            cacheManager.getOrCreateCache(QuickConfig.newBuilder("quickCache").cacheType(CacheType.BOTH).build());
        }
    }

    /** The cause that explains a failed start-up: ours, whether thrown directly or wrapped by a bean's creation. */
    private static AbstractThrowableAssert<?, ? extends Throwable> startUpFailure(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        return assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()));
    }

    @Test
    void aTwoLevelCacheWithoutRedissonFailsTheStartUpNamingTheMethodAndWhatToAdd() {
        withoutRedisson.withBean("prices", Prices.class).run(context -> startUpFailure(context)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RemoteCacheUsageCheckTests$Prices#price(long)")
                .hasMessageContaining("bean 'prices'")
                .hasMessageContaining("BOTH cache 'priceCache'")
                .hasMessageContaining("add org.redisson:redisson-spring-boot-starter")
                .hasMessageContaining("tradekit.cache.remote.client=lettuce")
                .hasMessageContaining("Only tradekit.cache.enabled=false"));
    }

    @Test
    void theFirstOfSeveralIsNamedAndTheOthersCounted() {
        withoutRedisson.withBean(Prices.class).withBean(Names.class).run(context -> startUpFailure(context)
                .hasMessageContaining("Prices#price(long)")
                .hasMessageContaining("(1 more such caches)").hasMessageNotContaining("Names#name"));
    }

    @Test
    void jetCachesDefaultTypeIsRemoteAndCounts() {
        withoutRedisson.withBean(Names.class).run(context -> startUpFailure(context)
                .hasMessageContaining("Names#name(long)").hasMessageContaining("REMOTE cache)"));
    }

    @Test
    void aCreateCacheFieldCounts() {
        withoutRedisson.withBean(Holder.class).run(context -> startUpFailure(context)
                .hasMessageContaining("RemoteCacheUsageCheckTests$Holder.cache").hasMessageContaining("BOTH cache 'holderCache'"));
    }

    @Test
    void onlyTheRedissonStarterExcludedAsAnApplicationWouldSaysWhatToAdd() {
        // Excluding redisson-spring-boot-starter from this starter leaves Redisson's core jar (jetcache-redisson needs it).
        withoutRedisson.withClassLoader(new FilteredClassLoader("org.redisson.spring")).withBean(Prices.class)
                .run(context -> startUpFailure(context)
                        .hasMessageContaining("Prices#price(long)")
                        .hasMessageContaining("redisson-spring-boot-starter is not on the classpath")
                        .hasMessageContaining("add org.redisson:redisson-spring-boot-starter"));
    }

    @Test
    void redissonOnTheClasspathButNoClientBeanSaysSo() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TradekitCacheAutoConfiguration.class))
                .withPropertyValues("tradekit.cache.base-packages=io.tradekit.cache.autoconfigure")
                .withBean(Prices.class)
                .run(context -> startUpFailure(context)
                        .hasMessageContaining("Prices#price(long)")
                        .hasMessageContaining("there is no RedissonClient bean")
                        .hasMessageContaining("define one")
                        .hasMessageNotContaining("add org.redisson"));
    }

    @Test
    void anApplicationWithItsOwnJetCacheGlobalConfigIsLeftToIt() {
        withoutRedisson.withBean(Prices.class).withBean("globalCacheConfig", GlobalCacheConfig.class, () -> {
            GlobalCacheConfig own = new GlobalCacheConfig();
            own.setLocalCacheBuilders(new java.util.HashMap<>(java.util.Map.of("default",
                    com.alicp.jetcache.embedded.CaffeineCacheBuilder.createCaffeineCacheBuilder())));
            own.setRemoteCacheBuilders(new java.util.HashMap<>());
            return own;
        }).run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RemoteLevel.class));
    }

    @Test
    void localCachesNeedNoRemoteLevel() {
        withoutRedisson.withBean(LocalCounter.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(GlobalCacheConfig.class).doesNotHaveBean(RemoteLevel.class)
                    .doesNotHaveBean(RemoteCacheHealthIndicator.class);
            LocalCounter counter = context.getBean(LocalCounter.class);
            assertThat(counter.count(1)).isEqualTo("local-1");
            assertThat(counter.count(1)).isEqualTo("local-1");
            assertThat(counter.calls()).as("the second call was a local hit").isEqualTo(1);
        });
    }

    @Test
    void aTwoLevelCacheCreatedInCodeWithoutRemoteLevelIsRefused() {
        withoutRedisson.withBean(QuickConfigUser.class).run(context -> startUpFailure(context)
                .hasMessageContaining("the BOTH cache 'quickCache' needs the remote (Redis) level")
                .hasMessageContaining("add org.redisson:redisson-spring-boot-starter"));
        withoutRedisson.run(context -> {
            TradekitCacheManager manager = context.getBean(TradekitCacheManager.class);
            org.assertj.core.api.Assertions.assertThatIllegalStateException()
                    .isThrownBy(() -> manager.getOrCreateCache(QuickConfig.newBuilder("unset").build()))
                    .withMessageContaining("the REMOTE cache 'unset'");
            assertThat(manager.getOrCreateCache(QuickConfig.newBuilder("local").cacheType(CacheType.LOCAL).build()))
                    .isNotNull();
        });
    }

    @Test
    void disabledStartsAndNamesTheCachesInOneWarning() {
        withoutRedisson.withBean(Prices.class).withBean(Names.class).withPropertyValues("tradekit.cache.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(TradekitCacheManager.class);
                    Prices prices = context.getBean(Prices.class);
                    prices.price(1);
                    prices.price(1);
                    assertThat(prices.calls()).as("disabled: the method runs uncached").isEqualTo(2);
                });
        List<ILoggingEvent> warnings = logged.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage()).contains("tradekit.cache.enabled=false")
                .contains("Prices#price(long)").contains("Names#name(long)");
    }

    @Test
    void enabledWithoutRemoteCachesLogsNoWarning() {
        withoutRedisson.withBean(LocalCounter.class).withPropertyValues("tradekit.cache.enabled=false")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(logged.list).as("no remote or two-level cache: nothing to warn about").isEmpty();
    }

    @Test
    void anEnabledValueThatIsNeitherTrueNorFalseFailsInsteadOfSwitchingTheCacheOff() {
        for (String bad : new String[] {"maybe", "", " ", "yes", "x".repeat(500), "tr\u0000ue"}) {
            withoutRedisson.withPropertyValues("tradekit.cache.enabled=" + bad).run(context -> startUpFailure(context)
                    .as("enabled '%s'", bad.length() > 20 ? bad.substring(0, 20) : bad)
                    .hasMessageContaining("tradekit.cache.enabled must be true or false"));
        }
        withoutRedisson.withPropertyValues("tradekit.cache.enabled=TRUE")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(TradekitCacheManager.class));
    }
}
