package io.tradekit.facade.autoconfigure;

import io.tradekit.core.spring.AnnotatedBeanMethods;
import io.tradekit.facade.FacadeDefinitionException;
import io.tradekit.facade.aop.FacadeBeanMethods;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * Stands in for the {@link io.tradekit.facade.Facade} aspect when it is off, so that annotated
 * methods never run unwrapped without a word: with {@code tradekit.facade.enabled=false} one WARN
 * names them; with Jakarta Validation missing the start-up fails naming the first one and what to add.
 */
class FacadeAspectAbsence implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(FacadeAspectAbsence.class);

    private final ConfigurableListableBeanFactory beanFactory;
    private final boolean disabled;

    /**
     * @param beanFactory the factory whose beans are looked at (none is created)
     * @param disabled    {@code true} when {@code tradekit.facade.enabled=false} (warn), else validation is missing (fail)
     */
    FacadeAspectAbsence(ConfigurableListableBeanFactory beanFactory, boolean disabled) {
        this.beanFactory = Objects.requireNonNull(beanFactory, "beanFactory must not be null");
        this.disabled = disabled;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<AnnotatedBeanMethods.Found> methods = FacadeBeanMethods.find(beanFactory);
        if (methods.isEmpty()) {
            return;
        }
        if (disabled) {
            LOG.warn("{}.enabled=false: {} @Facade method(s) run unwrapped, without argument validation, error "
                    + "mapping, call log or timer: {}", FacadeProperties.PREFIX, methods.size(),
                    methods.stream().map(AnnotatedBeanMethods.Found::describe).collect(Collectors.joining(", ")));
            return;
        }
        AnnotatedBeanMethods.Found first = methods.get(0);
        throw new FacadeDefinitionException("@Facade method " + first.describe() + " of bean '" + first.beanName()
                + "' validates its arguments with Jakarta Validation, but no provider is on the classpath"
                + (methods.size() > 1 ? " (" + (methods.size() - 1) + " more @Facade method(s) need it)" : "")
                + ": add org.hibernate.validator:hibernate-validator (spring-boot-starter-validation, which"
                + " tradekit-rpc-facade-spring-boot-starter brings unless it is excluded), or set "
                + FacadeProperties.PREFIX + ".enabled=false to run @Facade methods unwrapped", null);
    }
}
