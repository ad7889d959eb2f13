package io.tradekit.idempotent.aop;

import org.aopalliance.aop.Advice;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

import java.lang.reflect.Method;

/**
 * Applies {@link IdempotentTokenInterceptor} to methods annotated with
 * {@link io.tradekit.idempotent.IdempotentToken}; runs early (order configurable) so that a
 * rejected token stops the call before locks or transactions are taken.
 */
public final class IdempotentTokenAdvisor extends AbstractPointcutAdvisor {

    private static final long serialVersionUID = 1L;

    private final transient IdempotentTokenInterceptor interceptor;
    private final transient Pointcut pointcut;

    /**
     * Creates the advisor.
     *
     * @param interceptor the advice
     * @param operations  decides which methods match (and parses them, once)
     * @param order       the advisor's order among other advisors
     */
    public IdempotentTokenAdvisor(IdempotentTokenInterceptor interceptor, IdempotentTokenOperationSource operations,
                                  int order) {
        this.interceptor = interceptor;
        this.pointcut = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return operations.hasOperation(method, targetClass);
            }
        };
        setOrder(order);
    }

    @Override
    public Pointcut getPointcut() {
        return pointcut;
    }

    @Override
    public Advice getAdvice() {
        return interceptor;
    }
}
