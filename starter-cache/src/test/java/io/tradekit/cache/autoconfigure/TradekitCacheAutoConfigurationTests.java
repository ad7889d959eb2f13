package io.tradekit.cache.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.anno.Cached;
import com.alicp.jetcache.anno.aop.CacheAdvisor;
import com.alicp.jetcache.anno.support.ConfigProvider;
import com.alicp.jetcache.anno.support.GlobalCacheConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.cache.health.RemoteCacheHealthIndicator;
import io.tradekit.cache.lettuce.LettuceRemoteLevel;
import io.tradekit.cache.redisson.RedissonRemoteLevel;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import io.tradekit.cache.metrics.MicrometerCacheMonitorInstaller;
import io.tradekit.cache.remote.RemoteLevel;
import io.tradekit.cache.serial.AllowListKryoCodec;
import io.tradekit.cache.serial.ClassAllowList;
import io.tradekit.cache.support.TradekitCacheManager;
import io.tradekit.devservices.junit.WithDevServices;
import io.tradekit.devservices.redis.RedisDevService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.spring.starter.RedissonAutoConfigurationV2;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@WithDevServices
class TradekitCacheAutoConfigurationTests {

    private static RedissonClient redisson;
    private static String redisUrl;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TradekitCacheAutoConfiguration.class))
            .withPropertyValues("tradekit.cache.base-packages=io.tradekit.cache.autoconfigure",
                    "tradekit.cache.key-prefix=tradekit:cache:auto-test:");

    @BeforeAll
    static void connect(RedisDevService redis) {
        redisUrl = redis.uri();
        Config config = new Config();
        config.useSingleServer().setAddress(redis.uri());
        redisson = Redisson.create(config);
    }

    @AfterAll
    static void close() {
        redisson.shutdown();
    }

    /** A bean in the base package. */
    public static class Lookup {

        private final AtomicInteger calls = new AtomicInteger();

        public int calls() {
            return calls.get();
        }

        @Cached(name = "autoCache", key = "#id", expire = 60, cacheType = CacheType.BOTH)
        public String find(String id) {
            calls.incrementAndGet();
            return "found-" + id;
        }
    }

    @Test
    void wiresJetCacheOnTheApplicationsRedissonWithoutJetCacheYaml() {
        runner.withBean(RedissonClient.class, () -> redisson).withBean(Lookup.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(GlobalCacheConfig.class).hasSingleBean(ConfigProvider.class)
                    .hasSingleBean(TradekitCacheManager.class).hasSingleBean(CacheAdvisor.class)
                    .hasSingleBean(AllowListKryoCodec.class).hasSingleBean(RemoteCacheHealthIndicator.class)
                    .doesNotHaveBean(MicrometerCacheMonitorInstaller.class);
            Lookup lookup = context.getBean(Lookup.class);
            assertThat(lookup.find("1")).isEqualTo("found-1");
            assertThat(lookup.find("1")).isEqualTo("found-1");
            assertThat(lookup.calls()).as("the second call was a hit").isEqualTo(1);
            assertThat(context.getBean(AllowListKryoCodec.class).allowList().packagePrefixes())
                    .as("allowed packages default to the base packages").containsExactly("io.tradekit.cache.autoconfigure.");
        });
    }

    @Test
    void bindsItsProperties() {
        runner.withBean(RedissonClient.class, () -> redisson).withPropertyValues("tradekit.cache.local.limit=7",
                "tradekit.cache.local.expire=3s", "tradekit.cache.broadcast.enabled=false", "tradekit.cache.null-expire=2s",
                "tradekit.cache.serializer.allowed-packages=com.example.dto,com.example.more",
                "tradekit.cache.remote.failure-threshold=9").run(context -> {
            TradekitCacheProperties properties = context.getBean(TradekitCacheProperties.class);
            assertThat(properties.getLocal().getLimit()).isEqualTo(7);
            assertThat(properties.getRemote().getFailureThreshold()).isEqualTo(9);
            TradekitCacheManager manager = context.getBean(TradekitCacheManager.class);
            assertThat(manager.defaults().localExpire()).isEqualTo(Duration.ofSeconds(3));
            assertThat(manager.defaults().syncLocal()).isFalse();
            assertThat(manager.defaults().nullExpire()).isEqualTo(Duration.ofSeconds(2));
            assertThat(context.getBean(AllowListKryoCodec.class).allowList().packagePrefixes())
                    .containsExactly("com.example.dto.", "com.example.more.");
            assertThat(JetCacheConfiguration.broadcastChannel(properties)).isEqualTo("tradekit:cache:auto-test:broadcast");
        });
    }

    @Test
    void addsMetersWhenTheApplicationHasAMeterRegistry() {
        runner.withBean(RedissonClient.class, () -> redisson).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(Lookup.class).run(context -> {
                    assertThat(context).hasSingleBean(MicrometerCacheMonitorInstaller.class);
                    context.getBean(Lookup.class).find("m");
                    assertThat(context.getBean(MeterRegistry.class).get("tradekit.cache.loads").tag("cache", "autoCache")
                            .tag("result", "success").timer().count()).isEqualTo(1);
                });
    }

    @Test
    void backsOffWhenDisabledOrWithoutJetCache() {
        runner.withBean(RedissonClient.class, () -> redisson).withPropertyValues("tradekit.cache.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TradekitCacheManager.class)
                        .doesNotHaveBean(RemoteLevel.class).doesNotHaveBean(GlobalCacheConfig.class));
        runner.withBean(RedissonClient.class, () -> redisson).withClassLoader(new FilteredClassLoader(GlobalCacheConfig.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TradekitCacheManager.class));
    }

    @Test
    void theOnlyRegisteredAutoConfigurationIsThePublicOne() throws Exception {
        String imports = new String(getClass().getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(imports.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")))
                .containsExactly(TradekitCacheAutoConfiguration.class.getName());
        assertThat(java.lang.reflect.Modifier.isPublic(RedissonRemoteLevelConfiguration.class.getModifiers())).isFalse();
        assertThat(java.lang.reflect.Modifier.isPublic(LettuceRemoteLevelConfiguration.class.getModifiers())).isFalse();
        assertThat(java.lang.reflect.Modifier.isPublic(JetCacheConfiguration.class.getModifiers())).isFalse();
    }

    /** What the starter brings: redisson-spring-boot-starter's client, on spring.data.redis.*. */
    private ApplicationContextRunner withRedissonStarter() {
        return runner.withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class, RedissonAutoConfigurationV2.class))
                .withPropertyValues("spring.data.redis.url=" + redisUrl);
    }

    @Test
    void outOfTheBoxTheRemoteLevelRunsOnTheRedissonClientBuiltFromSpringDataRedis() {
        withRedissonStarter().withBean(Lookup.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RedissonClient.class).hasSingleBean(RedissonRemoteLevel.class);
            assertThat(context.getBean(RedissonRemoteLevel.class)).extracting("redisson")
                    .isSameAs(context.getBean(RedissonClient.class));
            Lookup lookup = context.getBean(Lookup.class);
            assertThat(lookup.find("out-of-the-box")).isEqualTo("found-out-of-the-box");
            assertThat(redisson.getBucket("tradekit:cache:auto-test:autoCacheout-of-the-box",
                    org.redisson.client.codec.ByteArrayCodec.INSTANCE).isExists())
                    .as("the value reached the dev-services Redis named by spring.data.redis.url").isTrue();
        });
    }

    @Test
    void withRedisDownAtStartUpTheStartersRedissonClientFailsTheStartUp() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        runner.withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class, RedissonAutoConfigurationV2.class))
                .withPropertyValues("spring.data.redis.url=redis://127.0.0.1:" + closedPort,
                        "spring.data.redis.connect-timeout=300ms", "spring.data.redis.timeout=300ms")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Unable to connect to Redis server"));
    }

    @Test
    void theApplicationsOwnRedissonClientWinsOverTheStartersOne() {
        withRedissonStarter().withBean(RedissonClient.class, () -> redisson).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RedissonClient.class);
            assertThat(context.getBean(RedissonRemoteLevel.class)).extracting("redisson").isSameAs(redisson);
        });
    }

    @Test
    void theApplicationsOwnBeansWin() {
        AllowListKryoCodec own = new AllowListKryoCodec(new ClassAllowList(List.of("com.example")));
        runner.withBean(RedissonClient.class, () -> redisson).withBean(AllowListKryoCodec.class, () -> own).run(context ->
                assertThat(context.getBean(AllowListKryoCodec.class)).isSameAs(own));
    }

    @Test
    void failsClearlyWithNoPackageToCacheIn() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, TradekitCacheAutoConfiguration.class))
                .withBean(RedissonClient.class, () -> redisson)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("tradekit.cache.base-packages"));
    }

    @Test
    void wiresTheLettuceLevelOnSpringDataRedisPropertiesWithoutAnyRedisson() {
        runner.withClassLoader(new FilteredClassLoader("org.redisson"))
                .withPropertyValues("tradekit.cache.remote.client=lettuce", "spring.data.redis.url=" + redisUrl)
                .withBean(Lookup.class).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(GlobalCacheConfig.class)
                            .hasSingleBean(LettuceRemoteLevel.class).doesNotHaveBean(RedissonRemoteLevel.class);
                    Lookup lookup = context.getBean(Lookup.class);
                    assertThat(lookup.find("lettuce-1")).isEqualTo("found-lettuce-1");
                    assertThat(lookup.find("lettuce-1")).isEqualTo("found-lettuce-1");
                    assertThat(lookup.calls()).isEqualTo(1);
                    assertThat(redisson.getBucket("tradekit:cache:auto-test:autoCachelettuce-1",
                            org.redisson.client.codec.ByteArrayCodec.INSTANCE).isExists())
                            .as("the value went to Redis through Lettuce").isTrue();
                    Health health = context.getBean(RemoteCacheHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("client", "lettuce");
                });
    }

    @Test
    void theDefaultRedissonLevelNeedsNoLettuceOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader("io.lettuce")).withBean(RedissonClient.class, () -> redisson)
                .withBean(Lookup.class).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(RedissonRemoteLevel.class);
                    Lookup lookup = context.getBean(Lookup.class);
                    assertThat(lookup.find("no-lettuce")).isEqualTo("found-no-lettuce");
                    assertThat(lookup.find("no-lettuce")).isEqualTo("found-no-lettuce");
                    assertThat(lookup.calls()).isEqualTo(1);
                });
    }

    @Test
    void theClientNameIgnoresCaseAndSurroundingBlanks() {
        runner.withPropertyValues("tradekit.cache.remote.client= LETTUCE ", "spring.data.redis.url=" + redisUrl)
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(LettuceRemoteLevel.class));
        runner.withBean(RedissonClient.class, () -> redisson).withPropertyValues("tradekit.cache.remote.client=Redisson")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(RedissonRemoteLevel.class)
                        .getBean(RemoteCacheHealthIndicator.class).extracting(h -> h.health().getDetails().get("client"))
                        .isEqualTo("redisson"));
    }

    @Test
    void anUnknownOrBlankClientFailsTheStartUpInsteadOfSwitchingTheCacheOff() {
        for (String bad : new String[] {"jedis", "", "   ", "redis son", "lettuce,redisson", "x".repeat(5000),
                "let\u0000tuce"}) {
            runner.withBean(RedissonClient.class, () -> redisson).withPropertyValues("tradekit.cache.remote.client=" + bad)
                    .run(context -> assertThat(context).as("client '%s'", bad.length() > 20 ? bad.substring(0, 20) : bad)
                            .hasFailed().getFailure().rootCause()
                            .hasMessageContaining("tradekit.cache.remote.client must be one of redisson, lettuce"));
        }
    }

    @Test
    void lettuceWithoutLettuceOnTheClasspathFailsClearly() {
        runner.withClassLoader(new FilteredClassLoader("io.lettuce"))
                .withPropertyValues("tradekit.cache.remote.client=lettuce")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("needs io.lettuce:lettuce-core"));
    }

    @Test
    void nullExpireMustBePositive() {
        for (String bad : new String[] {"tradekit.cache.null-expire=0s", "tradekit.cache.null-expire=-1s"}) {
            runner.withBean(RedissonClient.class, () -> redisson).withPropertyValues(bad)
                    .run(context -> assertThat(context).as(bad).hasFailed().getFailure().rootCause()
                            .hasMessageContaining("tradekit.cache.null-expire must be positive"));
        }
        runner.withBean(RedissonClient.class, () -> redisson).withPropertyValues("tradekit.cache.null-expire=soon")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("tradekit.cache.null-expire"));
    }

    @Test
    void lettuceTimeoutsMustBePositive() {
        for (String bad : new String[] {"tradekit.cache.remote.lettuce.command-timeout=0s",
                "tradekit.cache.remote.lettuce.command-timeout=-1s", "tradekit.cache.remote.lettuce.connect-timeout=0ms",
                "tradekit.cache.remote.lettuce.retry-delay=-5ms"}) {
            String name = bad.substring(0, bad.indexOf('='));
            runner.withPropertyValues("tradekit.cache.remote.client=lettuce", "spring.data.redis.url=" + redisUrl, bad)
                    .run(context -> assertThat(context).as(bad).hasFailed().getFailure().rootCause()
                            .hasMessageContaining(name));
        }
        runner.withPropertyValues("tradekit.cache.remote.client=lettuce", "tradekit.cache.remote.lettuce.command-timeout=soon")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("tradekit.cache.remote.lettuce.command-timeout"));
        runner.withPropertyValues("tradekit.cache.remote.client=lettuce", "spring.data.redis.url=" + redisUrl)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TradekitCacheProperties properties = context.getBean(TradekitCacheProperties.class);
                    assertThat(properties.getRemote().getLettuce().getCommandTimeout()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(properties.getRemote().getLettuce().getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(properties.getRemote().getLettuce().getRetryDelay()).isEqualTo(Duration.ofSeconds(1));
                });
    }
}
