package io.tradekit.idempotent.aop;

import io.tradekit.core.expression.MethodExpression;
import io.tradekit.idempotent.IdempotentToken;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds {@link IdempotentToken} on a method and parses it once; asked when beans are proxied (so a
 * bad expression or scene fails the start-up) and on every call (then it is a map lookup).
 */
public final class IdempotentTokenOperationSource {

    private static final Pattern SCENE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Map<Method, Optional<IdempotentTokenOperation>> cache = new ConcurrentHashMap<>();

    /** Creates an empty source. */
    public IdempotentTokenOperationSource() {
    }

    /**
     * Tells whether the method, as seen on {@code targetClass}, carries the annotation.
     *
     * @throws IllegalStateException when the annotation's scene or expressions are invalid
     */
    public boolean hasOperation(Method method, Class<?> targetClass) {
        return operation(method, targetClass) != null;
    }

    IdempotentTokenOperation operation(Method method, Class<?> targetClass) {
        Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
        return cache.computeIfAbsent(specific, IdempotentTokenOperationSource::parse).orElse(null);
    }

    private static Optional<IdempotentTokenOperation> parse(Method method) {
        IdempotentToken annotation = AnnotatedElementUtils.findMergedAnnotation(method, IdempotentToken.class);
        if (annotation == null) {
            return Optional.empty();
        }
        if (!SCENE.matcher(annotation.scene()).matches()) {
            throw new IllegalStateException("@IdempotentToken on " + method.getDeclaringClass().getName() + "."
                    + method.getName() + ": scene must be 1-64 characters of [A-Za-z0-9_.-], was '"
                    + annotation.scene() + "'");
        }
        MethodExpression token = MethodExpression.parse(method, annotation.tokenExpression());
        MethodExpression owner = annotation.ownerExpression().isEmpty()
                ? null : MethodExpression.parse(method, annotation.ownerExpression());
        return Optional.of(new IdempotentTokenOperation(annotation.scene(), token, owner));
    }
}
