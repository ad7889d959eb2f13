package io.tradekit.lock.aop;

import java.lang.reflect.Method;
import org.aopalliance.aop.Advice;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * Applies {@link DistributeLockInterceptor} to {@link io.tradekit.lock.DistributeLock} methods.
 *
 * <p>Its order defaults to {@link Integer#MIN_VALUE} ({@code tradekit.lock.order}), ahead of the
 * transaction advisor ({@code Ordered.LOWEST_PRECEDENCE} by default): the lock is taken before the
 * transaction begins and released after it has committed. Its class filter validates every
 * annotated method of a bean through the shared {@link LockKeyResolver}, which the start-up check
 * has already filled, so a misconfigured annotation fails the application start-up.
 */
public class DistributeLockAdvisor extends AbstractPointcutAdvisor {

    private static final long serialVersionUID = 1L;

    private final transient Pointcut pointcut;
    private final transient Advice advice;

    /**
     * @param resolver    the per-method metadata cache, shared with the interceptor
     * @param interceptor the advice
     * @param order       the advisor's order
     */
    public DistributeLockAdvisor(LockKeyResolver resolver, DistributeLockInterceptor interceptor, int order) {
        this.pointcut = new LockPointcut(resolver);
        this.advice = interceptor;
        setOrder(order);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return advice;
    }

    private static final class LockPointcut extends StaticMethodMatcherPointcut {

        private final LockKeyResolver resolver;

        LockPointcut(LockKeyResolver resolver) {
            this.resolver = resolver;
            setClassFilter(resolver::validateClass);
        }

        @Override
        public boolean matches(Method method, Class<?> targetClass) {
            return resolver.definition(method, targetClass) != null;
        }
    }
}
