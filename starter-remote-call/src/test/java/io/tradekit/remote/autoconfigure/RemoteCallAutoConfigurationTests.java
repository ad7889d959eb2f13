package io.tradekit.remote.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.support.CapturedLogs;
import io.tradekit.remote.RemoteCallException;
import io.tradekit.remote.RemoteCallLogger;
import io.tradekit.remote.RemoteCallMetrics;
import io.tradekit.remote.RemoteCallSettings;
import io.tradekit.remote.RemoteCallWrapper;
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

    @Test
    void withoutDubboTheWrapperStillWorksUnderTheProperties() {
        runner.withClassLoader(new FilteredClassLoader("org.apache.dubbo"))
                .withPropertyValues("tradekit.remote-call.log-payload=false").run(context -> {
                    assertThat(context).hasNotFailed();
                    try (CapturedLogs logs = CapturedLogs.of(RemoteCallLogger.LOGGER_NAME)) {
                        assertThatThrownBy(() -> RemoteCallWrapper.call(req -> SingleResponse.fail("STOCK_EMPTY", "sold out"),
                                "secret-request", "deduct")).isInstanceOf(RemoteCallException.class);
                        assertThat(logs.single("call=deduct success=false code=STOCK_EMPTY").getFormattedMessage())
                                .doesNotContain("secret-request");
                    }
                });
    }

    @Test
    void negativeSlowThresholdFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("tradekit.remote-call.slow-threshold=-1ms").run(context -> assertThat(context)
                .getFailure().rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("tradekit.remote-call.slow-threshold must be zero or positive"));
        assertThat(RemoteCallSettings.current()).isSameAs(RemoteCallSettings.DEFAULTS);
    }

    @Test
    void payloadLengthBelowOneFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("tradekit.remote-call.max-payload-length=0").run(context -> assertThat(context)
                .getFailure().rootCause().hasMessageContaining("tradekit.remote-call.max-payload-length must be at least 1, was 0"));
    }

    @Test
    void badSettingsFailEvenWhileDisabled() {
        runner.withPropertyValues("tradekit.remote-call.enabled=false", "tradekit.remote-call.max-payload-length=-1")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("tradekit.remote-call.max-payload-length"));
    }

    @Test
    void unparsableValueFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("tradekit.remote-call.max-payload-length=lots").run(context -> assertThat(context)
                .getFailure().hasStackTraceContaining("tradekit.remote-call.max-payload-length"));
    }
}
