package io.tradekit.facade.aop;

import java.util.Objects;
import org.aopalliance.aop.Advice;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;

/**
 * Applies {@link FacadeInterceptor} to every method carrying {@link io.tradekit.facade.Facade}
 * (directly, on the method it overrides, or on its class), at the order given to the constructor.
 */
public class FacadeAdvisor extends AbstractPointcutAdvisor {

    private static final long serialVersionUID = 1L;

    private final transient FacadePointcut pointcut = new FacadePointcut();
    private final transient FacadeInterceptor interceptor;

    /**
     * Creates the advisor.
     *
     * @param interceptor the advice
     * @param order       the advisor's order: lower runs first (outermost)
     */
    public FacadeAdvisor(FacadeInterceptor interceptor, int order) {
        this.interceptor = Objects.requireNonNull(interceptor, "interceptor must not be null");
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
