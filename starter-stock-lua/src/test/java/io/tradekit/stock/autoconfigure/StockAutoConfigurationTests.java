package io.tradekit.stock.autoconfigure;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.resource.ClientResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.core.redis.FlushConsolidation;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.devservices.DevServices;
import io.tradekit.devservices.spring.DevServicesInitializer;
import io.tradekit.stock.StockCommand;
import io.tradekit.stock.StockObserver;
import io.tradekit.stock.StockService;
import io.tradekit.stock.redis.StockRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The auto-configuration: defaults, properties, back-off, validation, metrics and failing closed. */
@ExtendWith(OutputCaptureExtension.class)
class StockAutoConfigurationTests {

    /** An application bean that needs the stock service. */
    @Configuration(proxyBeanMethods = false)
    static class UsesStock {
        @Bean
        Runnable orderDesk(StockService stock) {
            return () -> stock.get("i");
        }
    }

    /** An application bean that can do without it (so a disabled starter still starts). */
    @Configuration(proxyBeanMethods = false)
    static class MayUseStock {
        @Bean
        Runnable reportDesk(ObjectProvider<StockService> stock) {
            return () -> stock.ifAvailable(s -> s.get("i"));
        }

        @Bean
        Runnable auditDesk(ObjectProvider<StockService> stock) {
            return () -> stock.ifAvailable(s -> s.get("i"));
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(StockAutoConfiguration.class))
            .withInitializer(new DevServicesInitializer())
            .withPropertyValues("tradekit.dev-services.redis.enabled=true");

    @Test
    void aWorkingServiceOnTheDevServicesRedisByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(StockService.class).hasSingleBean(StockRedis.class)
                    .doesNotHaveBean(StockObserver.class);
            StockService stock = context.getBean(StockService.class);
            String item = "auto-" + System.nanoTime();
            assertThat(stock.init(item, 3)).isTrue();
            assertThat(stock.deduct(new StockCommand(item, "b", "o", 2)).after()).isEqualTo(1);
            assertThat(context.getBean(StockRedis.class).keys().stock(item)).isEqualTo("tradekit:stock:{" + item + "}");
            StockProperties properties = context.getBean(StockProperties.class);
            assertThat(properties.getSoldOutTtl()).hasMinutes(1);
            assertThat(properties.getRetention()).hasDays(1);
        });
    }

    @Test
    void propertiesAreBound() {
        runner.withPropertyValues("tradekit.stock.key-prefix=shop:stock:", "tradekit.stock.sold-out-ttl=0s",
                "tradekit.stock.retention=2h", "tradekit.stock.redis.command-timeout=1s").run(context -> {
            assertThat(context.getBean(StockRedis.class).keys().records("i")).isEqualTo("shop:stock:{i}:records");
            StockService stock = context.getBean(StockService.class);
            String item = "nofl-" + System.nanoTime();
            stock.init(item, 1);
            stock.deduct(new StockCommand(item, "b", "o1", 1));
            stock.deduct(new StockCommand(item, "b", "o2", 1));
            assertThat(stock.isFlaggedSoldOut(item)).isFalse();
        });
    }

    @Test
    void flushesAreConsolidatedOnlyWhenAskedFor() {
        runner.run(context -> {
            assertThat(context.getBean(StockProperties.class).getRedis().isConsolidateFlushes()).isFalse();
            assertThat(resourcesOf(context.getBean(StockRedis.class)).nettyCustomizer())
                    .isNotInstanceOf(FlushConsolidation.class);
        });
        runner.withPropertyValues("tradekit.stock.redis.consolidate-flushes=true").run(context -> {
            assertThat(resourcesOf(context.getBean(StockRedis.class)).nettyCustomizer())
                    .isInstanceOf(FlushConsolidation.class);
            assertDeducts(context.getBean(StockService.class));
        });
    }

    @Test
    void consolidatedFlushesRunOnSharedClientResourcesAndLeaveThemRunning() {
        ClientResources shared = ClientResources.create();
        try {
            runner.withPropertyValues("tradekit.stock.redis.consolidate-flushes=true")
                    .withBean(ClientResources.class, () -> shared).run(context -> {
                ClientResources used = resourcesOf(context.getBean(StockRedis.class));
                assertThat(used).isNotSameAs(shared);
                assertThat(used.nettyCustomizer()).isInstanceOf(FlushConsolidation.class);
                assertThat(used.eventLoopGroupProvider()).isSameAs(shared.eventLoopGroupProvider());
                assertDeducts(context.getBean(StockService.class));
            });
            // The context is closed: the starter shut down its own resources, not the shared ones.
            assertThat(shared.eventExecutorGroup().isShuttingDown()).isFalse();
            RedisClient other = RedisClient.create(shared, DevServices.redis().uri());
            try (StatefulRedisConnection<String, String> c = other.connect()) {
                assertThat(c.sync().ping()).isEqualTo("PONG");
            } finally {
                other.shutdown();
            }
        } finally {
            shared.shutdown();
        }
    }

    private static ClientResources resourcesOf(StockRedis redis) {
        return redis.connector().client().getResources();
    }

    private static void assertDeducts(StockService stock) {
        String item = "flush-" + System.nanoTime();
        assertThat(stock.init(item, 3)).isTrue();
        assertThat(stock.deduct(new StockCommand(item, "b", "o", 2)).after()).isEqualTo(1);
    }

    @Test
    void disabledMeansNoBeans() {
        runner.withPropertyValues("tradekit.stock.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(StockService.class).doesNotHaveBean(StockRedis.class));
    }

    @Test
    void aUserServiceWins() {
        StockService mine = mock(StockService.class);
        runner.withBean(StockService.class, () -> mine).run(context ->
                assertThat(context.getBean(StockService.class)).isSameAs(mine));
    }

    @Test
    void aPrefixWithBracesOrBadDurationsFailsStartUp() {
        runner.withPropertyValues("tradekit.stock.key-prefix=a{b}:").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("key-prefix"));
        runner.withPropertyValues("tradekit.stock.key-prefix=a b\r\n").run(context ->
                assertThat(context).hasFailed());
        runner.withPropertyValues("tradekit.stock.retention=0s").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("retention"));
        runner.withPropertyValues("tradekit.stock.sold-out-ttl=-1s").run(context ->
                assertThat(context).hasFailed().getFailure().hasStackTraceContaining("sold-out-ttl"));
    }

    @Test
    void withoutLettuceAnInjectedServiceFailsStartUpNamingTheBeanAndWhatToAdd() {
        runner.withClassLoader(new FilteredClassLoader(RedisClient.class)).withUserConfiguration(UsesStock.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasMessageContaining("bean 'orderDesk'")
                        .hasMessageContaining("injects a StockService, but Lettuce (io.lettuce.core.RedisClient) is not on the classpath")
                        .hasMessageContaining("add io.lettuce:lettuce-core")
                        .hasMessageContaining("tradekit.stock.enabled=false"));
    }

    @Test
    void withoutLettuceAndWithoutUsersTheApplicationStartsWithoutTheService() {
        runner.withClassLoader(new FilteredClassLoader(RedisClient.class)).run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(StockService.class).doesNotHaveBean(StockRedis.class));
    }

    @Test
    void withoutLettuceAnApplicationServiceIsEnough() {
        StockService mine = mock(StockService.class);
        runner.withClassLoader(new FilteredClassLoader(RedisClient.class)).withUserConfiguration(UsesStock.class)
                .withBean(StockService.class, () -> mine)
                .run(context -> assertThat(context).hasNotFailed().getBean(StockService.class).isSameAs(mine));
    }

    @Test
    void disabledLogsOneWarningNamingEveryInjectingBean(CapturedOutput output) {
        runner.withPropertyValues("tradekit.stock.enabled=false").withUserConfiguration(MayUseStock.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(StockService.class));
        String warning = "tradekit.stock.enabled=false: there is no StockService, yet bean 'reportDesk'";
        assertThat(output.getOut()).containsOnlyOnce(warning).containsOnlyOnce("bean 'auditDesk'");
    }

    @Test
    void disabledWithoutUsersIsSilent(CapturedOutput output) {
        runner.withPropertyValues("tradekit.stock.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(StockService.class));
        assertThat(output.getOut()).doesNotContain("tradekit.stock.enabled=false");
    }

    @Test
    void badRedisSettingsFailStartUpNamingTheProperty() {
        runner.withPropertyValues("tradekit.stock.redis.command-timeout=0s").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("tradekit.stock.redis.command-timeout must be positive"));
        runner.withPropertyValues("tradekit.stock.redis.retry-delay=-1s").run(context ->
                assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("tradekit.stock.redis.retry-delay must be zero or positive"));
    }

    @Test
    void redisDefaultsAreTodaysAndBindUnderTheSameNames() {
        runner.run(context -> {
            StockProperties.Redis redis = context.getBean(StockProperties.class).getRedis();
            assertThat(redis.getCommandTimeout()).hasSeconds(2);
            assertThat(redis.getConnectTimeout()).hasSeconds(2);
            assertThat(redis.getRetryDelay()).hasSeconds(1);
        });
        runner.withPropertyValues("tradekit.stock.redis.connect-timeout=3s", "tradekit.stock.redis.retry-delay=0s")
                .run(context -> {
                    StockProperties.Redis redis = context.getBean(StockProperties.class).getRedis();
                    assertThat(redis.getConnectTimeout()).hasSeconds(3);
                    assertThat(redis.getRetryDelay()).isZero();
                });
    }

    @Test
    void micrometerCountersWhenARegistryExists() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(StockObserver.class);
            StockService stock = context.getBean(StockService.class);
            String item = "metrics-" + System.nanoTime();
            stock.init(item, 2);
            stock.deduct(new StockCommand(item, "b", "o", 1));
            stock.deduct(new StockCommand(item, "b", "o", 1));
            stock.deduct(new StockCommand(item, "b", "o2", 1));
            stock.deduct(new StockCommand(item, "b", "o3", 1));
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            // Two applied plus one replay (a replay is a success, counted again under replays).
            assertThat(registry.counter("tradekit.stock.deductions", "result", "success").count()).isEqualTo(3.0);
            assertThat(registry.counter("tradekit.stock.replays", "operation", "deduct").count()).isEqualTo(1.0);
            assertThat(registry.counter("tradekit.stock.deductions", "result", "not_enough").count()
                    + registry.counter("tradekit.stock.deductions", "result", "sold_out").count()).isEqualTo(1.0);
        });
    }
}
