package io.tradekit.facade.callstats;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link CallStatsEndpoint} when Actuator and Micrometer are present and the endpoint is exposed
 * ({@code management.endpoints.web.exposure.include=callstats}), with the histogram it needs for p99.
 */
@AutoConfiguration(after = CompositeMeterRegistryAutoConfiguration.class)
@ConditionalOnClass({MeterRegistry.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnAvailableEndpoint(endpoint = CallStatsEndpoint.class)
public class CallStatsAutoConfiguration {

    /** Applied by Spring Boot to every registry before the timers are created. */
    @Bean
    static CallStatsHistograms callStatsHistograms() {
        return new CallStatsHistograms(Set.of(CallStatsEndpoint.FACADE_METER, CallStatsEndpoint.REMOTE_METER));
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MeterRegistry.class)
    CallStatsEndpoint callStatsEndpoint(MeterRegistry registry) {
        return new CallStatsEndpoint(registry);
    }
}
