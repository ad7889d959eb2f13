package io.tradekit.facade.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.facade.FacadeMetrics;
import io.tradekit.facade.aop.FacadeAdvisor;
import io.tradekit.facade.aop.FacadeCallLogger;
import io.tradekit.facade.aop.FacadeInterceptor;
import io.tradekit.facade.aop.FacadeMethodRegistry;
import io.tradekit.facade.aop.FacadeMethodVerifier;
import io.tradekit.facade.dubbo.FacadeTraceFilter;
import io.tradekit.facade.micrometer.MicrometerFacadeMetrics;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;

class FacadeAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, ValidationAutoConfiguration.class,
                    FacadeAutoConfiguration.class));

    @AfterEach
    void restoreFilterSwitch() {
        FacadeTraceFilter.setEnabled(true);
    }

    @Test
    void createsTheAspectBeansWithDefaults() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(FacadeAdvisor.class).hasSingleBean(FacadeInterceptor.class)
                    .hasSingleBean(FacadeMethodRegistry.class).hasSingleBean(FacadeMethodVerifier.class)
                    .hasSingleBean(FacadeCallLogger.class).hasSingleBean(FacadeTraceFilterSwitch.class);
            assertThat(context.getBean(FacadeAdvisor.class).getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
            assertThat(context.getBean(FacadeTraceFilterSwitch.class).isEnabled()).isTrue();
            FacadeProperties properties = context.getBean(FacadeProperties.class);
            assertThat(properties.getSlowThreshold()).isEqualTo(Duration.ofSeconds(1));
            assertThat(properties.getMaxPayloadLength()).isEqualTo(2048);
            assertThat(properties.isLogPayload()).isTrue();
        });
    }

    @Test
    void bindsProperties() {
        runner.withPropertyValues("tradekit.facade.order=5", "tradekit.facade.slow-threshold=250ms",
                "tradekit.facade.max-payload-length=100", "tradekit.facade.dubbo-filter.enabled=false").run(context -> {
                    assertThat(context.getBean(FacadeAdvisor.class).getOrder()).isEqualTo(5);
                    assertThat(context.getBean(FacadeProperties.class).getSlowThreshold()).isEqualTo(Duration.ofMillis(250));
                    assertThat(context.getBean(FacadeTraceFilterSwitch.class).isEnabled()).isFalse();
                    assertThat(FacadeTraceFilter.isEnabled()).isFalse();
                });
        assertThat(FacadeTraceFilter.isEnabled()).as("switched back on when the context closed").isTrue();
    }

    @Test
    void backsOffWhenTheUserDefinesTheBeans() {
        FacadeCallLogger logger = new FacadeCallLogger(Duration.ofSeconds(9), 10, false);
        runner.withBean(FacadeCallLogger.class, () -> logger)
                .withBean("myAdvisor", FacadeAdvisor.class,
                        () -> new FacadeAdvisor(new FacadeInterceptor(new FacadeMethodRegistry(() -> null), logger,
                                () -> FacadeMetrics.NONE), 42))
                .run(context -> {
                    assertThat(context).hasSingleBean(FacadeAdvisor.class).hasSingleBean(FacadeCallLogger.class);
                    assertThat(context.getBean(FacadeCallLogger.class)).isSameAs(logger);
                    assertThat(context.getBean(FacadeAdvisor.class).getOrder()).isEqualTo(42);
                });
    }

    @Test
    void enabledFalseCreatesNoAspectAndSwitchesTheDubboFilterOff() {
        runner.withPropertyValues("tradekit.facade.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(FacadeAdvisor.class).doesNotHaveBean(FacadeInterceptor.class)
                    .doesNotHaveBean(FacadeMethodVerifier.class).doesNotHaveBean(FacadeMetrics.class);
            assertThat(context.getBean(FacadeTraceFilterSwitch.class).isEnabled()).isFalse();
            assertThat(FacadeTraceFilter.isEnabled()).isFalse();
        });
    }

    @Test
    void usesMicrometerWhenARegistryExists() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertThat(context.getBean(FacadeMetrics.class)).isInstanceOf(MicrometerFacadeMetrics.class));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("tradekit.facade.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(FacadeMetrics.class));
    }

    @Test
    void worksWithoutMicrometerOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(FacadeAdvisor.class).doesNotHaveBean(FacadeMetrics.class);
        });
    }

    @Test
    void worksWithoutDubboOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader("org.apache.dubbo")).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(FacadeAdvisor.class)
                    .doesNotHaveBean(FacadeTraceFilterSwitch.class);
        });
    }

    @Test
    void backsOffWithoutHibernateValidatorApi() {
        runner.withClassLoader(new FilteredClassLoader(jakarta.validation.Validator.class))
                .run(context -> assertThat(context).doesNotHaveBean(FacadeAdvisor.class));
    }
}
