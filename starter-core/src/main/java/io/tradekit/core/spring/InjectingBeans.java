package io.tradekit.core.spring;

import org.springframework.beans.factory.ObjectFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the beans that ask for a given type to be injected, from the bean definitions and without
 * creating any bean, so that a starter whose backend is missing can fail the start-up naming the
 * first bean that uses its service (the twin of {@link AnnotatedBeanMethods} for injected services).
 *
 * <p>Looked at: constructor parameters, {@code @Bean} factory method parameters, and fields and
 * methods carrying {@code @Autowired}, {@code @Inject} or {@code @Resource}; the type counts
 * directly or inside {@code ObjectProvider},
 * {@code ObjectFactory}, {@code Optional}, {@code jakarta.inject.Provider} or a collection.
 * A bean that looks the service up with {@code getBean} at run time is not seen.
 */
public final class InjectingBeans {

    private static final List<String> INJECTION_ANNOTATIONS = List.of(
            "org.springframework.beans.factory.annotation.Autowired", "jakarta.inject.Inject",
            "jakarta.annotation.Resource");

    private InjectingBeans() {
    }

    /**
     * A bean that asks for the service.
     *
     * @param beanName the bean's name
     * @param beanType the bean's class, or {@code null} when it could not be resolved
     * @param where    how it asks, e.g. {@code constructor parameter 0}
     */
    public record Found(String beanName, Class<?> beanType, String where) {

        /** @return e.g. {@code bean 'orderService' (com.example.OrderService, constructor parameter 0)} */
        public String describe() {
            String type = beanType == null ? "" : ClassUtils.getUserClass(beanType).getName() + ", ";
            return "bean '" + beanName + "' (" + type + where + ")";
        }
    }

    /**
     * @param beanFactory the application's bean factory; no bean is created and no FactoryBean initialised
     * @param service     the injected type looked for (its subtypes count too)
     * @return every bean asking for it, in bean-definition order, each once
     * @throws NullPointerException when an argument is null
     */
    public static List<Found> find(ConfigurableListableBeanFactory beanFactory, Class<?> service) {
        Objects.requireNonNull(beanFactory, "beanFactory");
        Objects.requireNonNull(service, "service");
        List<Found> found = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (definition.isAbstract()) {
                continue;
            }
            Class<?> type = typeOf(beanFactory, name);
            if (type != null && service.isAssignableFrom(type)) {
                continue; // the service's own definition
            }
            String where = factoryMethodUse(beanFactory, definition, service);
            if (where == null && type != null && !type.getName().startsWith("org.springframework.")) {
                where = classUse(ClassUtils.getUserClass(type), service);
            }
            if (where != null) {
                found.add(new Found(name, type, where));
            }
        }
        return found;
    }

    private static String factoryMethodUse(ConfigurableListableBeanFactory beanFactory, BeanDefinition definition,
                                           Class<?> service) {
        String methodName = definition.getFactoryMethodName();
        if (methodName == null) {
            return null;
        }
        Class<?> declaring = declaringClass(beanFactory, definition);
        if (declaring == null) {
            return null;
        }
        for (Method method : ReflectionUtils.getUniqueDeclaredMethods(declaring)) {
            if (method.getName().equals(methodName)) {
                String where = parameterUse(method, service);
                if (where != null) {
                    return "@Bean method " + method.getName() + ", " + where;
                }
            }
        }
        return null;
    }

    private static Class<?> declaringClass(ConfigurableListableBeanFactory beanFactory, BeanDefinition definition) {
        try {
            if (definition.getFactoryBeanName() != null) {
                return beanFactory.getType(definition.getFactoryBeanName(), false);
            }
            if (definition instanceof AbstractBeanDefinition abstractDefinition && abstractDefinition.hasBeanClass()) {
                return abstractDefinition.getBeanClass();
            }
            String className = definition.getBeanClassName();
            return className == null ? null : ClassUtils.forName(className, beanFactory.getBeanClassLoader());
        } catch (RuntimeException | ClassNotFoundException | LinkageError unresolvable) {
            return null;
        }
    }

    private static String classUse(Class<?> type, Class<?> service) {
        try {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                String where = parameterUse(constructor, service);
                if (where != null) {
                    return "constructor " + where;
                }
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && injected(MergedAnnotations.from(field))
                            && asks(ResolvableType.forField(field), service)) {
                        return "field " + field.getName();
                    }
                }
                for (Method method : c.getDeclaredMethods()) {
                    if (injected(MergedAnnotations.from(method)) && parameterUse(method, service) != null) {
                        return "method " + method.getName();
                    }
                }
            }
        } catch (LinkageError unresolvable) {
            // A class whose members cannot load cannot be created either; Spring reports that itself.
        }
        return null;
    }

    private static String parameterUse(Executable executable, Class<?> service) {
        for (int i = 0; i < executable.getParameterCount(); i++) {
            if (asks(ResolvableType.forMethodParameter(MethodParameter.forExecutable(executable, i)), service)) {
                return "parameter " + i;
            }
        }
        return null;
    }

    private static boolean injected(MergedAnnotations annotations) {
        return INJECTION_ANNOTATIONS.stream().anyMatch(annotations::isPresent);
    }

    private static boolean asks(ResolvableType type, Class<?> service) {
        Class<?> raw = type.resolve();
        if (raw == null) {
            return false;
        }
        if (raw.isArray()) {
            return asks(type.getComponentType(), service);
        }
        if (ObjectFactory.class.isAssignableFrom(raw) || Optional.class == raw || Collection.class.isAssignableFrom(raw)
                || "jakarta.inject.Provider".equals(raw.getName())) {
            Class<?> element = type.getGeneric(0).resolve();
            return element != null && service.isAssignableFrom(element);
        }
        return service.isAssignableFrom(raw);
    }

    private static Class<?> typeOf(ConfigurableListableBeanFactory beanFactory, String name) {
        try {
            return beanFactory.getType(name, false);
        } catch (RuntimeException | LinkageError unresolvable) {
            return null;
        }
    }
}
