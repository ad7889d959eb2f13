package io.tradekit.remote.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.remote.RemoteCallMetrics;
import io.tradekit.remote.RemoteCallSettings;
import io.tradekit.remote.micrometer.MicrometerRemoteCallMetrics;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RemoteCallAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RemoteCallAutoConfiguration.class));

    @Test
    void installsSettingsFromPropertiesWhileTheContextLives() {
        runner.withPropertyValues("tradekit.remote-call.slow-threshold=300ms", "tradekit.remote-call.max-payload-length=64",
                "tradekit.remote-call.log-payload=false").run(context -> {
                    RemoteCallSettings settings = context.getBean(RemoteCallSettings.class);
                    assertThat(RemoteCallSettings.current()).isSameAs(settings);
                    assertThat(settings.getSlowThreshold()).isEqualTo(Duration.ofMillis(300));
                    assertThat(settings.getMaxPayloadLength()).isEqualTo(64);
                    assertThat(settings.isLogPayload()).isFalse();
                    assertThat(settings.isDubboFilterEnabled()).isTrue();
                    assertThat(settings.getMetrics()).isSameAs(RemoteCallMetrics.NONE);
                });
        assertThat(RemoteCallSettings.current()).isSameAs(RemoteCallSettings.DEFAULTS);
    }

    @Test
    void backsOffWhenTheUserDefinesTheSettings() {
        RemoteCallSettings mine = new RemoteCallSettings(Duration.ofSeconds(5), 10, true, RemoteCallMetrics.NONE, false);
        runner.withBean(RemoteCallSettings.class, () -> mine).run(context -> {
            assertThat(context).hasSingleBean(RemoteCallSettings.class);
            assertThat(RemoteCallSettings.current()).isSameAs(mine);
        });
    }

    @Test
    void enabledFalseSwitchesTheFilterAndTheTimerOff() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("tradekit.remote-call.enabled=false").run(context -> {
                    RemoteCallSettings settings = context.getBean(RemoteCallSettings.class);
                    assertThat(settings.isDubboFilterEnabled()).isFalse();
                    assertThat(settings.getMetrics()).isSameAs(RemoteCallMetrics.NONE);
                    assertThat(context).doesNotHaveBean(RemoteCallMetrics.class);
                });
    }

    @Test
    void dubboFilterCanBeSwitchedOffAlone() {
        runner.withPropertyValues("tradekit.remote-call.dubbo-filter.enabled=false")
                .run(context -> assertThat(context.getBean(RemoteCallSettings.class).isDubboFilterEnabled()).isFalse());
    }

    @Test
    void usesMicrometerWhenARegistryExists() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context.getBean(RemoteCallMetrics.class)).isInstanceOf(MicrometerRemoteCallMetrics.class);
            assertThat(context.getBean(RemoteCallSettings.class).getMetrics())
                    .isSameAs(context.getBean(RemoteCallMetrics.class));
        });
    }

    @Test
    void worksWithoutMicrometerOrDubboOnTheClasspath() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(RemoteCallSettings.class)
                    .doesNotHaveBean(RemoteCallMetrics.class);
        });
        runner.withClassLoader(new FilteredClassLoader("org.apache.dubbo"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(RemoteCallSettings.class));
    }
}
