package io.tradekit.lock.aop;

import io.tradekit.core.expression.MethodExpression;
import io.tradekit.lock.DistributeLock;
import io.tradekit.lock.DistributeLockConstant;
import java.lang.reflect.Method;
import java.util.Map;
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
     * Validates every {@link DistributeLock} method of a class, once per class.
     *
     * @return whether the class has at least one such method
     */
    boolean validateClass(Class<?> targetClass) {
        Class<?> userClass = ClassUtils.getUserClass(targetClass);
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
        String scene = annotation.scene();
        if (scene.isBlank() || scene.indexOf('{') >= 0 || scene.indexOf('}') >= 0) {
            throw new IllegalStateException(where + ": scene must be non-blank and free of '{' and '}'");
        }
        if (annotation.expireTime() == 0 || annotation.expireTime() < DistributeLockConstant.DEFAULT_EXPIRE_TIME) {
            throw new IllegalStateException(where + ": expireTime must be -1 (watchdog) or a positive number of ms, was "
                    + annotation.expireTime());
        }
        if (annotation.waitTime() < DistributeLockConstant.DEFAULT_WAIT_TIME) {
            throw new IllegalStateException(where + ": waitTime must be -1 (default) or >= 0 ms, was "
                    + annotation.waitTime());
        }
        String key = annotation.key();
        if (!isSet(key)) {
            if (!isSet(annotation.keyExpression())) {
                throw new IllegalStateException(where + ": neither key nor keyExpression is set");
            }
            MethodExpression expression = MethodExpression.parse(specific, annotation.keyExpression());
            return new LockDefinition(scene, null, expression, annotation.expireTime(), annotation.waitTime());
        }
        return new LockDefinition(scene, key, null, annotation.expireTime(), annotation.waitTime());
    }

    private static boolean isSet(String value) {
        return !value.isBlank() && !DistributeLockConstant.NONE_KEY.equals(value);
    }
}
