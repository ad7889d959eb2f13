package io.tradekit.txmsg.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The application's single {@code MeterRegistry}, if Micrometer is on the classpath and there is one.
 * Micrometer is optional: its types are touched only inside {@link Present}, loaded only when it is there.
 */
final class MeterRegistryLookup {

    private static final String REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    private MeterRegistryLookup() {
    }

    /** The unique registry as an {@code Object} (for {@code TxMessageMetrics}), or {@code null}. */
    static Object uniqueOrNull(ConfigurableListableBeanFactory beanFactory) {
        return ClassUtils.isPresent(REGISTRY_CLASS, beanFactory.getBeanClassLoader()) ? Present.unique(beanFactory) : null;
    }

    private static final class Present {
        static Object unique(ConfigurableListableBeanFactory beanFactory) {
            return beanFactory.getBeanProvider(MeterRegistry.class).getIfUnique();
        }
    }
}
