package io.tradekit.lock.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.devservices.junit.WithDevServices;
import io.tradekit.devservices.redis.RedisDevService;
import io.tradekit.lock.DistributeLock;
import io.tradekit.lock.DistributeLockListener;
import io.tradekit.lock.DistributeLockTemplate;
import io.tradekit.lock.aop.DistributeLockAdvisor;
import io.tradekit.lock.aop.DistributeLockInterceptor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@WithDevServices
class DistributeLockAutoConfigurationTests {

    private static RedissonClient redisson;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, DistributeLockAutoConfiguration.class));

    @BeforeAll
    static void connect(RedisDevService redis) {
        Config config = new Config();
        config.useSingleServer().setAddress(redis.uri());
        redisson = Redisson.create(config);
    }

    @AfterAll
    static void close() {
        redisson.shutdown();
    }

    public static class Locked {

        private final RedissonClient redisson;

        public Locked(RedissonClient redisson) {
            this.redisson = redisson;
        }

        @DistributeLock(scene = "AUTO", keyExpression = "#id")
        public boolean holds(String id, String expectedLockName) {
            return redisson.getLock(expectedLockName).isHeldByCurrentThread();
        }
    }

    public static class NoKey {
        @DistributeLock(scene = "AUTO")
        public void misconfigured(String id) {
        }
    }

    private ApplicationContextRunner withRedisson() {
        return runner.withBean(RedissonClient.class, () -> redisson, definition -> definition.setDestroyMethodName(""));
    }

    @Test
    void registersTemplateAdvisorAndInterceptorWithARedissonClient() {
        withRedisson().run(context -> {
            assertThat(context).hasSingleBean(DistributeLockTemplate.class).hasSingleBean(DistributeLockAdvisor.class)
                    .hasSingleBean(DistributeLockInterceptor.class);
            assertThat(context.getBean(DistributeLockAdvisor.class).getOrder()).isEqualTo(Integer.MIN_VALUE);
            assertThat(context.getBeanFactory().getBeanDefinition("distributeLockAdvisor").getRole())
                    .isEqualTo(org.springframework.beans.factory.config.BeanDefinition.ROLE_INFRASTRUCTURE);
        });
    }

    @Test
    void locksAnnotatedBeanMethodsUnderTheConfiguredPrefix() {
        withRedisson().withBean(Locked.class).withPropertyValues("tradekit.lock.key-prefix=custom:").run(context -> {
            Locked locked = context.getBean(Locked.class);
            assertThat(locked.holds("42", "custom:{AUTO#42}")).isTrue();
            assertThat(locked.holds("42", "tradekit:lock:{AUTO#42}")).isFalse();
        });
    }

    @Test
    void bindsTheAdvisorOrder() {
        withRedisson().withPropertyValues("tradekit.lock.order=5")
                .run(context -> assertThat(context.getBean(DistributeLockAdvisor.class).getOrder()).isEqualTo(5));
    }

    @Test
    void misconfiguredAnnotationFailsTheStartUpNamingTheMethod() {
        // Thrown by the start-up check itself now, before any bean is created (no wrapping exception).
        withRedisson().withBean(NoKey.class).run(context -> assertThat(context).hasFailed()
                .getFailure().hasMessageContaining(NoKey.class.getName() + ".misconfigured")
                .hasMessageContaining("neither key nor keyExpression"));
    }

    @Test
    void withoutARedissonClientBeanAndNoLockUserItStartsWithoutTheLockAndTheTemplateCannotBeObtained() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean(DistributeLockTemplate.class))
                    .rootCause().hasMessageContaining("DistributeLockTemplate cannot lock")
                    .hasMessageContaining("no RedissonClient bean");
        });
    }

    @Test
    void withoutRedissonOnTheClasspathAndNoLockUserItStartsWithoutTheLock() {
        runner.withClassLoader(new FilteredClassLoader(RedissonClient.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DistributeLockTemplate.class)
                        .doesNotHaveBean(DistributeLockAdvisor.class));
    }

    @Test
    void whenDisabledNoLockIsSetUpAndTheTemplateCannotBeObtained() {
        withRedisson().withPropertyValues("tradekit.lock.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(DistributeLockAdvisor.class)
                    .doesNotHaveBean(DistributeLockInterceptor.class);
            assertThatThrownBy(() -> context.getBean(DistributeLockTemplate.class))
                    .rootCause().hasMessageContaining("tradekit.lock.enabled=false");
        });
    }

    @Test
    void locksEvenWithBootsAopAutoConfigurationSwitchedOff() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DistributeLockAutoConfiguration.class))
                .withBean(RedissonClient.class, () -> redisson, definition -> definition.setDestroyMethodName(""))
                .withBean(Locked.class)
                .run(context -> assertThat(context.getBean(Locked.class).holds("no-aop", "tradekit:lock:{AUTO#no-aop}"))
                        .isTrue());
    }

    @Test
    void backsOffFromAUserDefinedTemplate() {
        DistributeLockTemplate own = new DistributeLockTemplate(redisson, DistributeLockTemplate.Options.defaults(),
                new DistributeLockListener() { });
        withRedisson().withBean("myTemplate", DistributeLockTemplate.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(DistributeLockTemplate.class);
            assertThat(context.getBean(DistributeLockTemplate.class)).isSameAs(own);
        });
    }

    @Test
    void aUserDefinedTemplateIsTheBackendWithoutARedissonClientBean() {
        DistributeLockTemplate own = new DistributeLockTemplate(redisson, DistributeLockTemplate.Options.defaults(),
                new DistributeLockListener() { });
        runner.withBean("myTemplate", DistributeLockTemplate.class, () -> own, definition -> definition.setDestroyMethodName(""))
                .withBean(Locked.class, () -> new Locked(redisson)).run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(RedissonClient.class);
                    assertThat(context.getBean(Locked.class).holds("own-template", "tradekit:lock:{AUTO#own-template}"))
                            .isTrue();
                });
    }

    @Test
    void addsTheMetricsListenerOnlyWithAMeterRegistry() {
        withRedisson().run(context -> assertThat(context).doesNotHaveBean("distributeLockMetricsListener")
                .hasBean("distributeLockEventPublishingListener"));
        withRedisson().withBean(MeterRegistry.class, SimpleMeterRegistry::new).withBean(Locked.class).run(context -> {
            assertThat(context).hasBean("distributeLockMetricsListener");
            context.getBean(Locked.class).holds("m", "tradekit:lock:{AUTO#m}");
            assertThat(context.getBean(MeterRegistry.class).get("tradekit.lock.held").tag("scene", "AUTO").timer().count())
                    .isEqualTo(1);
        });
    }

    @Test
    void worksWithoutMicrometerOnTheClasspath() {
        withRedisson().withClassLoader(new FilteredClassLoader(MeterRegistry.class)).withBean(Locked.class)
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("distributeLockMetricsListener");
                    assertThat(context.getBean(Locked.class).holds("nm", "tradekit:lock:{AUTO#nm}")).isTrue();
                });
    }
}
