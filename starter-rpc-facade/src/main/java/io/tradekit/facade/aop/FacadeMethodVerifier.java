package io.tradekit.facade.aop;

import java.util.Objects;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Fails the application start-up with a {@link io.tradekit.facade.FacadeDefinitionException}
 * naming the method when a bean has a {@link io.tradekit.facade.Facade} method that cannot be
 * wrapped (not returning a concrete {@code BaseResponse}, invalid constraints), and warms the
 * per-method metadata of the valid ones.
 *
 * <p>Checks every non-lazy singleton once all of them exist; lazy and prototype beans are checked
 * on their first call instead.
 */
public class FacadeMethodVerifier implements SmartInitializingSingleton {

    private final ConfigurableListableBeanFactory beanFactory;
    private final FacadeMethodRegistry registry;

    /**
     * Creates the verifier.
     *
     * @param beanFactory the factory whose singletons are checked
     * @param registry    the registry that computes and caches each method's metadata
     */
    public FacadeMethodVerifier(ConfigurableListableBeanFactory beanFactory, FacadeMethodRegistry registry) {
        this.beanFactory = Objects.requireNonNull(beanFactory, "beanFactory must not be null");
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
            if (definition.isAbstract() || !definition.isSingleton() || definition.isLazyInit()
                    || definition.getRole() == BeanDefinition.ROLE_INFRASTRUCTURE) {
                continue;
            }
            // Every non-lazy singleton exists by now: read it instead of creating anything.
            Object bean = beanFactory.containsSingleton(name) ? beanFactory.getSingleton(name) : null;
            if (bean != null) {
                registry.verify(AopProxyUtils.ultimateTargetClass(bean));
            }
        }
    }
}
