package io.tradekit.lock.aop;

import io.tradekit.core.expression.MethodExpression;
import io.tradekit.lock.DistributeLock;
import io.tradekit.lock.DistributeLockConstant;
import io.tradekit.lock.DistributeLockSpec;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds {@link DistributeLock} on a method, validates it and parses its key expression once, and
 * caches the result per method and target class; a misconfigured annotation throws
 * {@link IllegalStateException} (or {@code InvalidMethodExpressionException}) naming the method.
 */
public class LockKeyResolver {

    private final Map<MethodClassKey, Optional<LockDefinition>> definitions = new ConcurrentHashMap<>();
    private final Map<Class<?>, Boolean> validatedClasses = new ConcurrentHashMap<>();

    /**
     * Validates every {@link DistributeLock} method of a class, once per class: the start-up check
     * and the advisor's class filter both call it, so a call never re-checks an annotation.
     *
     * @param targetClass a bean class (a CGLIB subclass counts as its user class)
     * @return whether the class has at least one such method
     * @throws IllegalStateException naming the method when an annotation breaks a rule
     */
    public boolean validateClass(Class<?> targetClass) {
        Class<?> userClass = ClassUtils.getUserClass(Objects.requireNonNull(targetClass, "targetClass"));
        if (!AnnotationUtils.isCandidateClass(userClass, DistributeLock.class)) {
            return false;
        }
        return validatedClasses.computeIfAbsent(userClass, clazz -> {
            boolean any = false;
            for (Method method : ReflectionUtils.getUniqueDeclaredMethods(clazz, ReflectionUtils.USER_DECLARED_METHODS)) {
                any |= definition(method, clazz) != null;
            }
            return any;
        });
    }

    /** The method's lock settings, or {@code null} when it has no {@link DistributeLock}. */
    LockDefinition definition(Method method, Class<?> targetClass) {
        MethodClassKey cacheKey = new MethodClassKey(method, targetClass);
        Optional<LockDefinition> cached = definitions.get(cacheKey);
        if (cached == null) {
            cached = Optional.ofNullable(parse(method, targetClass));
            definitions.putIfAbsent(cacheKey, cached);
        }
        return cached.orElse(null);
    }

    private static LockDefinition parse(Method method, Class<?> targetClass) {
        Method specific = targetClass != null ? AopUtils.getMostSpecificMethod(method, targetClass) : method;
        DistributeLock annotation = AnnotatedElementUtils.findMergedAnnotation(specific, DistributeLock.class);
        if (annotation == null && specific != method) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(method, DistributeLock.class);
        }
        if (annotation == null) {
            return null;
        }
        String where = "@DistributeLock on " + specific.getDeclaringClass().getName() + "." + specific.getName();
        DistributeLockSpec spec;
        try {
            spec = new DistributeLockSpec(annotation.scene(), annotation.expireTime(), annotation.waitTime());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
        String key = annotation.key();
        if (isSet(key)) {
            return new LockDefinition(spec, key, null);
        }
        if (!isSet(annotation.keyExpression())) {
            throw new IllegalStateException(where + ": neither key nor keyExpression is set");
        }
        return new LockDefinition(spec, null, MethodExpression.parse(specific, annotation.keyExpression()));
    }

    private static boolean isSet(String value) {
        return !value.isBlank() && !DistributeLockConstant.NONE_KEY.equals(value);
    }
}
