package io.tradekit.lock.autoconfigure;

import io.tradekit.core.spring.AnnotatedBeanMethods;
import io.tradekit.lock.DistributeLock;
import io.tradekit.lock.DistributeLockTemplate;
import io.tradekit.lock.aop.LockKeyResolver;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Fails the start-up when a {@link DistributeLock} could not take effect, before any bean is created:
 * an annotated method a proxy cannot intercept, an annotation that breaks a rule, or (lock enabled)
 * no {@link DistributeLockTemplate} because there is no {@code RedissonClient}. With
 * {@code tradekit.lock.enabled=false} it logs one WARN naming the unprotected methods instead.
 *
 * <p>A {@link BeanFactoryPostProcessor} and not a {@code SmartInitializingSingleton}: it sees every
 * bean definition and runs before any singleton exists, so no connection is opened, no scheduler
 * started and no {@code @PostConstruct} calls an annotated method unlocked before the failure.
 * It refers to Redisson by name only, so it runs, and fails closed, when Redisson is not on the
 * classpath.
 */
final class DistributeLockStartupCheck implements BeanFactoryPostProcessor {

    static final String ENABLED_PROPERTY = "tradekit.lock.enabled";

    private static final String REDISSON_CLIENT = "org.redisson.api.RedissonClient";

    /** Name of the stand-in that fails an injection of the template with the reason (created only on injection). */
    static final String UNAVAILABLE_TEMPLATE = "distributeLockTemplate";

    private static final String ADD_BACKEND = "Add org.redisson:redisson-spring-boot-starter (this starter brings it "
            + "unless excluded) with spring.data.redis.* pointing at your Redis, or define a RedissonClient @Bean; "
            + "or set " + ENABLED_PROPERTY + "=false to run the annotated methods without a lock.";

    private static final Logger log = LoggerFactory.getLogger(DistributeLockStartupCheck.class);

    private final Environment environment;

    DistributeLockStartupCheck(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        boolean enabled = enabled();
        List<AnnotatedBeanMethods.Found> annotated = AnnotatedBeanMethods.find(beanFactory, DistributeLock.class);
        failOnUninterceptable(annotated);
        validateRules(beanFactory, annotated);
        if (!enabled) {
            List<String> methods = annotated.stream().map(AnnotatedBeanMethods.Found::describe).distinct().toList();
            if (!methods.isEmpty()) {
                log.warn("{}=false: {} @DistributeLock method(s) run WITHOUT a lock: {}", ENABLED_PROPERTY,
                        methods.size(), String.join(", ", methods));
            }
            registerUnavailableTemplate(beanFactory, "DistributeLockTemplate is not available: " + ENABLED_PROPERTY
                    + "=false.", "Set " + ENABLED_PROPERTY + "=true (with a RedissonClient), or do not inject "
                    + "DistributeLockTemplate where the lock is disabled.");
            return;
        }
        boolean redissonPresent = ClassUtils.isPresent(REDISSON_CLIENT, beanFactory.getBeanClassLoader());
        if (redissonPresent && beanFactory.getBeanNamesForType(DistributeLockTemplate.class, true, false).length > 0) {
            return;
        }
        String missing = missingBackend(beanFactory, redissonPresent);
        if (!annotated.isEmpty()) {
            AnnotatedBeanMethods.Found first = annotated.get(0);
            throw new DistributeLockStartupException("@DistributeLock on " + first.describe() + " (bean '"
                    + first.beanName() + "')" + (annotated.size() > 1 ? " and " + (annotated.size() - 1)
                    + " more method(s)" : "") + " cannot take its lock: " + missing
                    + " Started anyway, the method would run unlocked.", ADD_BACKEND);
        }
        registerUnavailableTemplate(beanFactory, "DistributeLockTemplate cannot lock: " + missing, ADD_BACKEND);
    }

    /** The same domain as the auto-configuration's condition: anything but true/false would silently switch off. */
    private boolean enabled() {
        String value = environment.getProperty(ENABLED_PROPERTY);
        if (value == null || "true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new DistributeLockStartupException(ENABLED_PROPERTY + " must be true or false, was '"
                + value.replaceAll("\\p{Cntrl}", "?") + "'.", "Set " + ENABLED_PROPERTY + " to true or false.");
    }

    private static void failOnUninterceptable(List<AnnotatedBeanMethods.Found> annotated) {
        List<String> problems = annotated.stream()
                .filter(found -> found.whyNotInterceptable().isPresent())
                .map(found -> found.describe() + " (bean '" + found.beanName() + "'): " + found.whyNotInterceptable().get())
                .distinct().toList();
        if (!problems.isEmpty()) {
            throw new DistributeLockStartupException("@DistributeLock cannot take effect on " + String.join("; ", problems)
                    + ". The method would run without its lock.", "Make the method public (or protected), non-final "
                    + "and non-static in a non-final class, or take the lock inside it with DistributeLockTemplate.");
        }
    }

    /** The rules are checked here once, by the resolver the advisor uses, so no call re-checks them. */
    private static void validateRules(ConfigurableListableBeanFactory beanFactory,
                                      List<AnnotatedBeanMethods.Found> annotated) {
        if (annotated.isEmpty()) {
            return;
        }
        // The advisor's resolver when there is one, so each annotation is parsed once; looked up
        // without eager init: a FactoryBean must not be created this early just to learn its type.
        String[] names = beanFactory.getBeanNamesForType(LockKeyResolver.class, false, false);
        LockKeyResolver resolver = names.length == 1 ? beanFactory.getBean(names[0], LockKeyResolver.class)
                : new LockKeyResolver();
        Set<Class<?>> classes = new LinkedHashSet<>();
        annotated.forEach(found -> classes.add(found.method().getDeclaringClass()));
        classes.forEach(resolver::validateClass);
    }

    private static String missingBackend(ConfigurableListableBeanFactory beanFactory, boolean redissonPresent) {
        if (!redissonPresent) {
            return "Redisson (" + REDISSON_CLIENT + ") is not on the classpath.";
        }
        Class<?> clientType = ClassUtils.resolveClassName(REDISSON_CLIENT, beanFactory.getBeanClassLoader());
        if (beanFactory.getBeanNamesForType(clientType, true, false).length > 0) {
            return "a RedissonClient bean is defined, but only after the lock auto-configuration was evaluated "
                    + "(define it in the application's own @Configuration, or order its auto-configuration before "
                    + "DistributeLockAutoConfiguration).";
        }
        return "there is no RedissonClient bean (redisson-spring-boot-starter excluded, or its auto-configuration "
                + "RedissonAutoConfigurationV2 excluded).";
    }

    /**
     * Stands in for the missing template: lazy, so it is created only when a bean injects the
     * template, and that injection then fails with the reason instead of "no qualifying bean".
     */
    private static void registerUnavailableTemplate(ConfigurableListableBeanFactory beanFactory, String description,
                                                    String action) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || registry.containsBeanDefinition(UNAVAILABLE_TEMPLATE)
                || !ClassUtils.isPresent(REDISSON_CLIENT, beanFactory.getBeanClassLoader())
                || beanFactory.getBeanNamesForType(DistributeLockTemplate.class, true, false).length > 0) {
            return;
        }
        RootBeanDefinition definition = new RootBeanDefinition(DistributeLockTemplate.class, () -> {
            throw new DistributeLockStartupException(description, action);
        });
        definition.setLazyInit(true);
        definition.setSynthetic(true);
        registry.registerBeanDefinition(UNAVAILABLE_TEMPLATE, definition);
    }
}
