package io.tradekit.facade.aop;

import io.tradekit.facade.FacadeDefinitionException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Fails the application start-up with a {@link io.tradekit.facade.FacadeDefinitionException}
 * naming the method when a bean has a {@link io.tradekit.facade.Facade} method that cannot take
 * effect, and warms the per-method metadata of the valid ones.
 *
 * <p>One pass once all non-lazy singletons exist, over the created singletons' classes and the
 * other beans' definition types (nothing is created): a method a proxy cannot intercept (private,
 * static, final, in a final class), a return type that is not a concrete {@code BaseResponse},
 * invalid constraints, and a created singleton that no {@code @Facade} proxy wraps (created before
 * the auto-proxy creator, for example) each fail. A bean whose type is only known once created
 * (a factory method declaring an interface) is checked on its first call instead.
 */
public class FacadeMethodVerifier implements SmartInitializingSingleton {

    private final ConfigurableListableBeanFactory beanFactory;
    private final FacadeMethodRegistry registry;

    /**
     * Creates the verifier.
     *
     * @param beanFactory the factory whose beans are checked
     * @param registry    the registry that computes and caches each method's metadata
     */
    public FacadeMethodVerifier(ConfigurableListableBeanFactory beanFactory, FacadeMethodRegistry registry) {
        this.beanFactory = Objects.requireNonNull(beanFactory, "beanFactory must not be null");
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
    }

    @Override
    public void afterSingletonsInstantiated() {
        FacadeBeanMethods.forEachBean(beanFactory, (name, type, bean) -> {
            List<Method> facadeMethods = registry.verify(type);
            if (bean != null && !facadeMethods.isEmpty() && !isWrapped(bean)) {
                throw new FacadeDefinitionException(FacadeMethodRegistry.describe(facadeMethods.get(0)) + " of bean '"
                        + name + "' would run unwrapped: no @Facade proxy wraps the bean. It was probably created"
                        + " before the auto-proxy creator (it is a BeanPostProcessor, or one depends on it: look for"
                        + " \"is not eligible for getting processed by all BeanPostProcessors\" in the log)", null);
            }
        });
    }

    private static boolean isWrapped(Object bean) {
        if (bean instanceof Advised advised) {
            for (Advisor advisor : advised.getAdvisors()) {
                if (advisor.getAdvice() instanceof FacadeInterceptor) {
                    return true;
                }
            }
        }
        return false;
    }
}
