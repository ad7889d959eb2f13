package io.tradekit.core.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Tells why a Spring AOP proxy cannot intercept a method, so that a tradekit annotation on such a
 * method (a lock, a facade, a token check) fails the start-up instead of silently doing nothing.
 *
 * <p>A CGLIB proxy (Spring Boot's default) overrides public, protected and package-private instance
 * methods; it cannot override a {@code final} method, never sees a {@code private} one, and a
 * {@code static} method is called on the class, not on the proxy. Calls through {@code this}
 * bypass any proxy; that cannot be seen from the method and is documented instead.
 */
public final class InterceptableMethods {

    private InterceptableMethods() {
    }

    /**
     * @param method a method of a bean class
     * @return why no proxy can intercept it, or empty when one can
     */
    public static Optional<String> whyNot(Method method) {
        int modifiers = method.getModifiers();
        if (Modifier.isStatic(modifiers)) {
            return Optional.of("it is static: a static method is called on the class, never through the proxy");
        }
        if (Modifier.isPrivate(modifiers)) {
            return Optional.of("it is private: the proxy cannot see or override it");
        }
        if (Modifier.isFinal(modifiers)) {
            return Optional.of("it is final: the CGLIB proxy cannot override it");
        }
        if (Modifier.isFinal(method.getDeclaringClass().getModifiers())) {
            return Optional.of("its class is final: no CGLIB proxy can subclass it");
        }
        return Optional.empty();
    }

    /**
     * @param method a method
     * @return {@code Type#name(ParamType, ...)} with simple type names, for error messages
     */
    public static String describe(Method method) {
        StringBuilder text = new StringBuilder(method.getDeclaringClass().getName()).append('#')
                .append(method.getName()).append('(');
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            text.append(i == 0 ? "" : ", ").append(parameters[i].getSimpleName());
        }
        return text.append(')').toString();
    }
}
