package io.tradekit.remote.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.core.degrade.ServerBreakers;
import io.tradekit.core.spring.ServerBreakersBinding;
import io.tradekit.remote.RemoteFaults;
import io.tradekit.remote.RemoteCallMetrics;
import io.tradekit.remote.RemoteCallSettings;
import io.tradekit.remote.micrometer.MicrometerRemoteCallMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the caller side: builds {@link RemoteCallSettings} from
 * {@link RemoteCallProperties} (with the Micrometer timer {@code tradekit.remote} when a
 * {@link MeterRegistry} exists) and installs them for {@link io.tradekit.remote.RemoteCallWrapper}
 * and the Dubbo consumer filter while the context lives.
 *
 * <p>Not conditional on {@code tradekit.remote-call.enabled}: with {@code false} the installed
 * settings switch the Dubbo filter and the timer off, which a missing configuration could not do
 * (the filter is created by Dubbo and would run with its defaults).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration"})
@EnableConfigurationProperties(RemoteCallProperties.class)
public class RemoteCallAutoConfiguration {

    static final String PREFIX = RemoteCallProperties.PREFIX;

    @Bean
    @ConditionalOnMissingBean
    RemoteCallSettings remoteCallSettings(RemoteCallProperties properties, ObjectProvider<RemoteCallMetrics> metrics,
                                          ServerBreakers breakers) {
        boolean enabled = properties.isEnabled();
        return new RemoteCallSettings(properties.getSlowThreshold(), properties.getMaxPayloadLength(),
                properties.isLogPayload(), enabled ? metrics.getIfUnique(() -> RemoteCallMetrics.NONE)
                        : RemoteCallMetrics.NONE,
                enabled && properties.getDubboFilter().isEnabled(), breakers, RemoteFaults::isServerFault);
    }

    /**
     * One breaker per server for every starter ({@code tradekit.degrade.*}), unless one exists: the
     * calls naming a server ({@code RemoteCallWrapper.call("goods", ...)}) share it.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    ServerBreakers tradekitServerBreakers(Environment environment) {
        return ServerBreakersBinding.bind(environment);
    }

    @Bean
    @ConditionalOnMissingBean
    RemoteCallSettingsInstaller remoteCallSettingsInstaller(RemoteCallSettings remoteCallSettings) {
        return new RemoteCallSettingsInstaller(remoteCallSettings);
    }

    /** The timer {@code tradekit.remote}, unless {@code tradekit.remote-call.metrics.enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnProperty(prefix = PREFIX, name = {"enabled", "metrics.enabled"}, matchIfMissing = true)
    static class RemoteCallMetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        RemoteCallMetrics remoteCallMetrics(ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meterRegistry = registry.getIfUnique();
            return meterRegistry != null ? new MicrometerRemoteCallMetrics(meterRegistry) : RemoteCallMetrics.NONE;
        }
    }
}
