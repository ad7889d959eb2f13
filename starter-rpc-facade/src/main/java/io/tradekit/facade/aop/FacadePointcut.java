package io.tradekit.facade.aop;

import java.lang.reflect.Method;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Matches the methods {@link FacadeMethodRegistry#findFacade(Method, Class)} finds a
 * {@link io.tradekit.facade.Facade} for; evaluated once per method when a proxy is created.
 */
final class FacadePointcut extends StaticMethodMatcherPointcut {

    @Override
    public boolean matches(Method method, Class<?> targetClass) {
        return FacadeMethodRegistry.findFacade(method, targetClass) != null;
    }
}
