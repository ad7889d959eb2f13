package io.tradekit.lock.aop;

import io.tradekit.lock.DistributeLockTemplate;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs a {@link io.tradekit.lock.DistributeLock} method through {@link DistributeLockTemplate}
 * with the key its {@link LockKeyResolver} computes from the call's arguments.
 *
 * <p>The template is looked up on the first call and kept: advisors are created before ordinary
 * beans, and resolving it eagerly would create the Redisson client and the meter registry too
 * early for their own post-processors.
 */
public class DistributeLockInterceptor implements MethodInterceptor {

    private final LockKeyResolver resolver;
    private final Supplier<DistributeLockTemplate> template;

    /**
     * @param resolver the per-method metadata cache shared with the advisor's pointcut
     * @param template the template, resolved on first use
     */
    public DistributeLockInterceptor(LockKeyResolver resolver, ObjectProvider<DistributeLockTemplate> template) {
        this.resolver = resolver;
        this.template = SingletonSupplier.of(template::getObject);
    }

    /**
     * @param resolver the per-method metadata cache shared with the advisor's pointcut
     * @param template the template
     */
    public DistributeLockInterceptor(LockKeyResolver resolver, DistributeLockTemplate template) {
        this.resolver = resolver;
        this.template = () -> template;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Class<?> targetClass = invocation.getThis() != null ? AopUtils.getTargetClass(invocation.getThis()) : null;
        LockDefinition definition = resolver.definition(invocation.getMethod(), targetClass);
        if (definition == null) {
            return invocation.proceed();
        }
        String key = definition.key(invocation.getArguments());
        try {
            // The spec was validated once, at start-up: no per-call re-check.
            return template.get().execute(definition.spec(), key, () -> proceed(invocation));
        } catch (CheckedThrowable wrapper) {
            throw wrapper.getCause();
        }
    }

    private static Object proceed(MethodInvocation invocation) {
        try {
            return invocation.proceed();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new CheckedThrowable(e);
        }
    }

    /** Carries a checked exception of the method through the template's {@code Supplier}. */
    private static final class CheckedThrowable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CheckedThrowable(Throwable cause) {
            super(null, cause, false, false);
        }
    }
}
