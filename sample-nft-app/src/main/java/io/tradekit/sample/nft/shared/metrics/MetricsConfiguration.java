package io.tradekit.sample.nft.shared.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared meters of the sample and {@code sample.metrics.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsConfiguration {

    @Bean
    RefusalMeters refusalMeters(MeterRegistry registry) {
        return new RefusalMeters(registry);
    }
}
