package io.tradekit.idempotent.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.idempotent.IdempotentTokenObserver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Counts tokens in Micrometer when it is on the classpath and a registry exists. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MeterRegistry.class)
class IdempotentTokenMetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdempotentTokenObserver idempotentTokenObserver(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfUnique();
        return meters == null ? IdempotentTokenObserver.NONE : new MicrometerIdempotentTokenObserver(meters);
    }
}
