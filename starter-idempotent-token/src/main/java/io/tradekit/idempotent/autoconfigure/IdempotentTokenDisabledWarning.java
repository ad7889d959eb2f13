package io.tradekit.idempotent.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * With {@code tradekit.idempotent.enabled=false}, logs one WARN naming the URL patterns and
 * {@code @IdempotentToken} methods that now run without a duplicate-submission check.
 */
final class IdempotentTokenDisabledWarning implements BeanFactoryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(IdempotentTokenDisabledWarning.class);

    private final Environment environment;

    IdempotentTokenDisabledWarning(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        IdempotentTokenUsages usages = IdempotentTokenUsages.of(beanFactory, environment);
        if (!usages.isEmpty()) {
            log.warn("tradekit.idempotent.enabled=false: these run WITHOUT a duplicate-submission check: {}",
                    usages.all());
        }
    }
}
