package io.tradekit.facade.aop;

import io.tradekit.core.aop.InterceptableMethods;
import io.tradekit.core.log.Sensitive;
import io.tradekit.core.response.BaseResponse;
import io.tradekit.facade.Facade;
import io.tradekit.facade.FacadeDefinitionException;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.metadata.MethodDescriptor;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.BridgeMethodResolver;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.util.ClassUtils;

/**
 * Computes, once per method and target class, what {@link FacadeInterceptor} needs of a
 * {@link Facade} method ({@link FacadeBeanMethods} finds them); a method that cannot be a facade
 * fails with a {@link FacadeDefinitionException} naming it.
 */
public class FacadeMethodRegistry {

    private static final MethodType NO_ARG_CONSTRUCTOR = MethodType.methodType(void.class);
    private static final MethodType AS_BASE_RESPONSE = MethodType.methodType(BaseResponse.class);

    private final Supplier<Validator> validator;
    private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();
    private final ConcurrentMap<MethodClassKey, FacadeMethod> methods = new ConcurrentHashMap<>();

    /**
     * Creates the registry.
     *
     * @param validator supplies the validator whose constraint metadata is read, resolved on first use
     */
    public FacadeMethodRegistry(Supplier<Validator> validator) {
        this.validator = Objects.requireNonNull(validator, "validator must not be null");
    }

    Supplier<Validator> validator() {
        return validator;
    }

    /**
     * Checks every facade method of a class now rather than on its first call: a proxy must be able
     * to intercept it ({@link InterceptableMethods}), and its metadata is computed and cached.
     *
     * @param targetClass the class of a bean
     * @return the class's facade methods, empty when it has none
     * @throws FacadeDefinitionException naming the first method that cannot be a facade, and why
     */
    public List<Method> verify(Class<?> targetClass) {
        Class<?> userClass = ClassUtils.getUserClass(targetClass);
        List<Method> facadeMethods = FacadeBeanMethods.of(userClass);
        for (Method method : facadeMethods) {
            InterceptableMethods.whyNot(method).ifPresent(why -> {
                throw new FacadeDefinitionException(describe(method) + " cannot take effect: " + why
                        + ". Make it a public, non-final instance method of a non-final class, or remove @Facade", null);
            });
            get(method, userClass);
        }
        return facadeMethods;
    }

    FacadeMethod get(Method method, Class<?> targetClass) {
        MethodClassKey key = new MethodClassKey(method, targetClass);
        FacadeMethod found = methods.get(key);
        return found != null ? found : methods.computeIfAbsent(key, k -> build(method, targetClass));
    }

    private FacadeMethod build(Method method, Class<?> targetClass) {
        Class<?> userClass = ClassUtils.getUserClass(targetClass);
        Method specific = BridgeMethodResolver.findBridgedMethod(AopUtils.getMostSpecificMethod(method, userClass));
        Facade facade = FacadeBeanMethods.findFacade(specific, userClass);
        if (facade == null) {
            throw new FacadeDefinitionException(describe(specific) + " is not a @Facade method", null);
        }
        Class<? extends BaseResponse> responseType = responseType(specific);
        MethodHandle constructor = constructor(specific, responseType);
        boolean constrained = constrained(specific, userClass);
        List<Integer> beans = new ArrayList<>();
        Class<?>[] types = specific.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (isBean(types[i])) {
                beans.add(i);
            }
        }
        String[] names = parameterNames.getParameterNames(specific);
        int[] beanParameters = beans.stream().mapToInt(Integer::intValue).toArray();
        String[] beanParameterNames = new String[beanParameters.length];
        for (int i = 0; i < beanParameters.length; i++) {
            int index = beanParameters[i];
            beanParameterNames[i] = names != null && names.length > index ? names[index] : "arg" + index;
        }
        return new FacadeMethod(specific, sensitiveParameters(specific, userClass), userClass.getSimpleName(),
                responseType, constructor, facade.groups(), constrained, beanParameters, beanParameterNames);
    }

    /**
     * The method whose parameters' {@code @Sensitive} the log line follows: the implementation's,
     * or the interface method's when only that one is annotated (parameter annotations are not
     * inherited, and Dubbo API interfaces are where callers see them).
     */
    private static Method sensitiveParameters(Method specific, Class<?> userClass) {
        if (hasSensitiveParameter(specific)) {
            return specific;
        }
        Method declared = ClassUtils.getInterfaceMethodIfPossible(specific, userClass);
        return hasSensitiveParameter(declared) ? declared : specific;
    }

    private static boolean hasSensitiveParameter(Method method) {
        for (java.lang.annotation.Annotation[] annotations : method.getParameterAnnotations()) {
            for (java.lang.annotation.Annotation annotation : annotations) {
                if (annotation instanceof Sensitive) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Class<? extends BaseResponse> responseType(Method method) {
        Class<?> type = method.getReturnType();
        if (!BaseResponse.class.isAssignableFrom(type)) {
            throw new FacadeDefinitionException(describe(method) + " must return a subclass of "
                    + BaseResponse.class.getName() + " but returns " + type.getName(), null);
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new FacadeDefinitionException(describe(method) + " returns the abstract type " + type.getName()
                    + ", which cannot be created for a failure: declare a concrete BaseResponse subclass", null);
        }
        return type.asSubclass(BaseResponse.class);
    }

    private static MethodHandle constructor(Method method, Class<?> type) {
        try {
            return MethodHandles.publicLookup().findConstructor(type, NO_ARG_CONSTRUCTOR).asType(AS_BASE_RESPONSE);
        } catch (NoSuchMethodException | IllegalAccessException | LinkageError e) {
            throw new FacadeDefinitionException(describe(method) + " returns " + type.getName()
                    + ", which needs a public no-argument constructor in a public class", e);
        }
    }

    private boolean constrained(Method method, Class<?> userClass) {
        try {
            MethodDescriptor descriptor = validator.get().getConstraintsForClass(userClass)
                    .getConstraintsForMethod(method.getName(), method.getParameterTypes());
            return descriptor != null && descriptor.hasConstrainedParameters();
        } catch (ValidationException e) {
            throw new FacadeDefinitionException("Invalid constraints on " + describe(method) + ": " + e.getMessage(), e);
        }
    }

    /** A type whose {@code null} argument is a validation failure: an application class, not a JDK value. */
    private static boolean isBean(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isEnum() || type.isInterface()) {
            return false;
        }
        String name = type.getName();
        return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jakarta."));
    }

    static String describe(Method method) {
        return "@Facade method " + InterceptableMethods.describe(method);
    }
}
