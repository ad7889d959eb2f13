package io.tradekit.idempotent.aop;

import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentTokenException;
import io.tradekit.idempotent.IdempotentTokenService;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.function.SingletonSupplier;

import java.util.function.Supplier;

/**
 * Spends the token named by {@link io.tradekit.idempotent.IdempotentToken} through
 * {@link IdempotentTokenService} before the method runs, and throws
 * {@link IdempotentTokenException} instead of running it when the token is rejected.
 */
public final class IdempotentTokenInterceptor implements MethodInterceptor {

    private final SingletonSupplier<IdempotentTokenService> tokens;
    private final IdempotentTokenOperationSource operations;

    /**
     * Creates the interceptor.
     *
     * @param tokens     spends the tokens; asked on the first call, so that creating the advisor early
     *                   (as auto-proxying does) does not create the service and its Redis client early
     * @param operations the parsed annotations
     */
    public IdempotentTokenInterceptor(Supplier<IdempotentTokenService> tokens, IdempotentTokenOperationSource operations) {
        this.tokens = SingletonSupplier.of(tokens);
        this.operations = operations;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Class<?> targetClass = invocation.getThis() != null
                ? AopUtils.getTargetClass(invocation.getThis()) : invocation.getMethod().getDeclaringClass();
        IdempotentTokenOperation operation = operations.operation(invocation.getMethod(), targetClass);
        if (operation == null) {
            return invocation.proceed();
        }
        Object[] args = invocation.getArguments();
        String token = operation.token().evaluateToString(args);
        String owner = operation.owner() == null ? null : operation.owner().evaluateToString(args);
        ConsumeOutcome outcome = tokens.obtain().tryConsume(token, operation.scene(), owner);
        if (!outcome.isConsumed()) {
            throw new IdempotentTokenException(outcome, operation.scene());
        }
        return invocation.proceed();
    }
}
