package io.tradekit.facade.aop;

import io.tradekit.core.spring.AnnotatedBeanMethods;
import io.tradekit.facade.Facade;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.BridgeMethodResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link Facade} methods of a class and of an application's beans; free of Jakarta
 * Validation, so that the start-up can name them even when validation is missing.
 *
 * <p>A method is a facade method when it carries {@code @Facade} (itself, or on the interface or
 * superclass method it overrides), or when its class carries it and the method is public, not
 * static and not declared by {@code Object}. A {@code @Facade} on a private, static or final method
 * is found too, so that the start-up can refuse it ({@link io.tradekit.core.aop.InterceptableMethods}).
 */
public final class FacadeBeanMethods {

    private FacadeBeanMethods() {
    }

    /** Receives one bean whose type is known. */
    @FunctionalInterface
    interface BeanVisitor {

        /**
         * @param beanName  the bean's name
         * @param userClass the bean's class without proxy, or its definition's type when not created
         * @param bean      the singleton instance, or {@code null} when none exists (lazy, prototype, scoped)
         */
        void visit(String beanName, Class<?> userClass, Object bean);
    }

    /**
     * Returns the {@link Facade} that applies to a method called on an instance of a class: the
     * method's own (also from the interface or superclass method it overrides), else the class's
     * for a public, non-static method not declared by {@code Object}.
     *
     * @param method      the method, possibly of an interface
     * @param targetClass the class of the called object
     * @return the annotation, or {@code null} when the method is not a facade
     */
    public static Facade findFacade(Method method, Class<?> targetClass) {
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(targetClass, "targetClass must not be null");
        Class<?> userClass = ClassUtils.getUserClass(targetClass);
        Method specific = BridgeMethodResolver.findBridgedMethod(AopUtils.getMostSpecificMethod(method, userClass));
        Facade onMethod = AnnotatedElementUtils.findMergedAnnotation(specific, Facade.class);
        if (onMethod != null) {
            return onMethod;
        }
        int modifiers = specific.getModifiers();
        if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers) || specific.getDeclaringClass() == Object.class) {
            return null;
        }
        return AnnotatedElementUtils.findMergedAnnotation(userClass, Facade.class);
    }

    /**
     * Returns the facade methods of a class, private, static and final ones included.
     *
     * @param type a bean class, possibly a CGLIB subclass
     * @return the methods, each once, in the order reflection lists them
     */
    public static List<Method> of(Class<?> type) {
        Class<?> userClass = ClassUtils.getUserClass(Objects.requireNonNull(type, "type must not be null"));
        List<Method> found = new ArrayList<>();
        for (Method method : ReflectionUtils.getUniqueDeclaredMethods(userClass, ReflectionUtils.USER_DECLARED_METHODS)) {
            if (!method.isBridge() && !method.isSynthetic() && findFacade(method, userClass) != null) {
                found.add(method);
            }
        }
        return found;
    }

    /**
     * Returns every facade method of the application's beans, read from the created singletons'
     * classes and, for beans not created yet, from their definitions' types; creates nothing.
     *
     * @param beanFactory the application's bean factory
     * @return the methods with their bean names, in bean-definition order
     */
    public static List<AnnotatedBeanMethods.Found> find(ConfigurableListableBeanFactory beanFactory) {
        Objects.requireNonNull(beanFactory, "beanFactory must not be null");
        List<AnnotatedBeanMethods.Found> found = new ArrayList<>();
        forEachBean(beanFactory, (name, type, bean) -> of(type).forEach(m -> found.add(new AnnotatedBeanMethods.Found(name, m))));
        return found;
    }

    /**
     * Visits every application bean (not abstract, not infrastructure, not Spring's own) whose type
     * is known, the singletons by the class of their target, without creating any bean.
     */
    static void forEachBean(ConfigurableListableBeanFactory beanFactory, BeanVisitor visitor) {
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
            if (definition.isAbstract() || definition.getRole() == BeanDefinition.ROLE_INFRASTRUCTURE) {
                continue;
            }
            Object bean = definition.isSingleton() && beanFactory.containsSingleton(name) ? beanFactory.getSingleton(name) : null;
            Class<?> type = bean != null ? AopProxyUtils.ultimateTargetClass(bean) : typeOf(beanFactory, name);
            // A JDK proxy that Spring did not make (a client stub, say) has no implementation to wrap.
            if (type != null && !type.getName().startsWith("org.springframework.") && !Proxy.isProxyClass(type)) {
                visitor.visit(name, ClassUtils.getUserClass(type), bean);
            }
        }
    }

    private static Class<?> typeOf(ConfigurableListableBeanFactory beanFactory, String name) {
        try {
            return beanFactory.getType(name, false);
        } catch (RuntimeException | LinkageError unresolvable) {
            // A definition whose class cannot load carries no @Facade this application could call.
            return null;
        }
    }
}
