package io.tradekit.idempotent.autoconfigure;

import io.tradekit.core.spring.AnnotatedBeanMethods;
import io.tradekit.idempotent.store.IdempotentTokenStore;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fails the start-up when idempotent tokens are used but cannot take effect: an
 * {@code @IdempotentToken} method no proxy can intercept (final, private, static, final class), or
 * no Redis client (Lettuce excluded) and no {@link IdempotentTokenStore} bean while URL patterns,
 * annotated methods or an injected {@code IdempotentTokenService} rely on one.
 */
final class IdempotentTokenStartupCheck implements BeanFactoryPostProcessor, SmartInitializingSingleton, BeanFactoryAware {

    static final String ADD_CLIENT = "add io.lettuce:lettuce-core (this starter brings it: do not exclude it), "
            + "or declare an IdempotentTokenStore bean; or set tradekit.idempotent.enabled=false to run it unprotected";

    /** Our own beans that use the service; they do nothing unless the application relies on them. */
    private static final Set<String> OWN_BEANS = Set.of("idempotentTokenEndpoint", "idempotentTokenHandlerInterceptor");

    private final Environment environment;
    private ConfigurableListableBeanFactory beanFactory;

    IdempotentTokenStartupCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        IdempotentTokenUsages usages = IdempotentTokenUsages.of(beanFactory, environment);
        for (AnnotatedBeanMethods.Found found : usages.methods()) {
            Optional<String> why = found.whyNotInterceptable();
            if (why.isPresent()) {
                throw new IllegalStateException("@IdempotentToken on " + found.describe() + " (bean '"
                        + found.beanName() + "') cannot take effect: " + why.get() + ". Make it a public, "
                        + "non-final instance method of a non-final class, or call IdempotentTokenService directly");
            }
        }
        if (!usages.isEmpty() && storeIsAbsent(beanFactory)) {
            throw new IllegalStateException("Idempotent tokens need Redis, but no Redis client is on the classpath and "
                    + "no IdempotentTokenStore bean exists; the " + usages.first() + " would run unprotected: " + ADD_CLIENT);
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!storeIsAbsent(beanFactory) || !beanFactory.containsBean("idempotentTokenService")) {
            return;
        }
        List<String> users = Arrays.stream(beanFactory.getDependentBeans("idempotentTokenService"))
                .filter(name -> !OWN_BEANS.contains(name)).toList();
        if (!users.isEmpty()) {
            throw new IllegalStateException("Idempotent tokens need Redis, but no Redis client is on the classpath and "
                    + "no IdempotentTokenStore bean exists; bean '" + users.get(0)
                    + "' uses IdempotentTokenService: " + ADD_CLIENT);
        }
    }

    /** Whether the only store is the stand-in registered when Lettuce is missing. */
    private static boolean storeIsAbsent(ConfigurableListableBeanFactory beanFactory) {
        String[] stores = beanFactory.getBeanNamesForType(IdempotentTokenStore.class, true, false);
        return stores.length == 0 || (stores.length == 1 && AbsentRedisClientStore.BEAN_NAME.equals(stores[0]));
    }
}
