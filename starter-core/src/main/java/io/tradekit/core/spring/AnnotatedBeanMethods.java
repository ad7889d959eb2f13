package io.tradekit.core.spring;

import io.tradekit.core.aop.InterceptableMethods;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the bean methods that carry a tradekit annotation, from the bean definitions' types and
 * without creating any bean, so that a starter can fail the start-up early: when its backend is
 * missing, or when an annotated method cannot be intercepted ({@link InterceptableMethods}).
 */
public final class AnnotatedBeanMethods {

    private AnnotatedBeanMethods() {
    }

    /** A bean's method carrying the annotation looked for. */
    public record Found(String beanName, Method method) {

        /** @return the method as {@code Type#name(ParamType, ...)} */
        public String describe() {
            return InterceptableMethods.describe(method);
        }

        /** @return why no proxy can intercept the method, or empty */
        public Optional<String> whyNotInterceptable() {
            return InterceptableMethods.whyNot(method);
        }
    }

    /**
     * @param beanFactory the application's bean factory; no bean is created and no FactoryBean initialised
     * @param annotation  the annotation, found directly or as a meta-annotation, on the bean class's
     *                    own and inherited methods (private and static ones included)
     * @return every annotated method, in bean-definition order and by name within a bean, each once per bean
     */
    public static List<Found> find(ConfigurableListableBeanFactory beanFactory, Class<? extends Annotation> annotation) {
        List<Found> found = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = typeOf(beanFactory, name);
            if (type == null || type.getName().startsWith("org.springframework.")) {
                continue;
            }
            List<Found> ofBean = new ArrayList<>();
            ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), method -> ofBean.add(new Found(name, method)),
                    method -> !method.isBridge() && !method.isSynthetic()
                            && AnnotatedElementUtils.hasAnnotation(method, annotation));
            // The JVM lists methods in no fixed order; sorted, "the first such method" is the same every start.
            ofBean.sort(Comparator.comparing(Found::describe));
            found.addAll(ofBean);
        }
        return found;
    }

    private static Class<?> typeOf(ConfigurableListableBeanFactory beanFactory, String name) {
        try {
            return beanFactory.getType(name, false);
        } catch (RuntimeException | LinkageError unresolvable) {
            // A definition whose class cannot load carries none of our annotations we could act on.
            return null;
        }
    }
}
