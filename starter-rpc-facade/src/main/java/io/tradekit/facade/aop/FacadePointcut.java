package io.tradekit.facade.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Matches the methods {@link FacadeBeanMethods#findFacade(Method, Class)} finds a
 * {@link io.tradekit.facade.Facade} for; evaluated once per method when a proxy is created.
 *
 * <p>A final class is left alone: a CGLIB proxy of it would fail with a message that names no
 * method, while {@link FacadeMethodVerifier} then fails the start-up naming the method and why.
 */
final class FacadePointcut extends StaticMethodMatcherPointcut {

    FacadePointcut() {
        setClassFilter(type -> !Modifier.isFinal(type.getModifiers()));
    }

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        return FacadeBeanMethods.findFacade(method, targetClass) != null;
    }
}
