package io.tradekit.facade.aop;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.error.TradekitException;
import io.tradekit.core.response.BaseResponse;
import io.tradekit.core.trace.TraceId;
import io.tradekit.facade.FacadeMetrics;
import java.util.Objects;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;

/**
 * Wraps every {@link io.tradekit.facade.Facade} call: validates the arguments, runs the method,
 * turns every exception into an error code of the declared response type, fills a successful
 * response's empty code, and writes one {@link FacadeCallLogger log line} and one
 * {@link FacadeMetrics timer} sample. Nothing is thrown to the caller except virtual machine errors.
 *
 * <p>Outcomes: invalid arguments → {@code PARAM_INVALID} with a message naming every bad field,
 * the method not run; {@code BizException} → its code and message; another
 * {@link TradekitException} → its code and that code's default message; anything else, or a
 * {@code null} response → {@code SYSTEM_ERROR} with a generic message (details in the provider's
 * log only); a failed response left without code → {@code BIZ_ERROR}.
 *
 * <p>The trace id already in the MDC (set by the Dubbo provider filter from the caller's
 * attachment) is kept; without one a new id is set for the call and removed after it.
 */
public class FacadeInterceptor implements MethodInterceptor {

    private final FacadeMethodRegistry registry;
    private final FacadeArgumentValidator validator;
    private final FacadeCallLogger callLogger;
    private final Supplier<FacadeMetrics> metrics;

    /**
     * Creates the interceptor.
     *
     * @param registry   per-method metadata, and the validator to check arguments with
     * @param callLogger writes the call line
     * @param metrics    supplies the metrics recorder, resolved on the first call
     */
    public FacadeInterceptor(FacadeMethodRegistry registry, FacadeCallLogger callLogger,
            Supplier<FacadeMetrics> metrics) {
        this.registry = Objects.requireNonNull(registry, "registry must not be null");
        this.validator = new FacadeArgumentValidator(registry.validator());
        this.callLogger = Objects.requireNonNull(callLogger, "callLogger must not be null");
        this.metrics = Objects.requireNonNull(metrics, "metrics must not be null");
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object target = invocation.getThis();
        Class<?> targetClass = target != null ? AopUtils.getTargetClass(target) : invocation.getMethod().getDeclaringClass();
        FacadeMethod method = registry.get(invocation.getMethod(), targetClass);
        TraceId.Scope scope = TraceId.current() == null ? TraceId.open(null) : null;
        try {
            long start = System.nanoTime();
            Outcome outcome = execute(method, invocation, target);
            long elapsed = System.nanoTime() - start;
            BaseResponse response = outcome.response;
            callLogger.log(method, invocation.getArguments(), response, elapsed, outcome.error, outcome.unexpected);
            metrics.get().record(method.service, method.name, response.isSuccess(), String.valueOf(response.getCode()),
                    elapsed);
            return response;
        } finally {
            if (scope != null) {
                scope.close();
            }
        }
    }

    private Outcome execute(FacadeMethod method, MethodInvocation invocation, Object target) {
        try {
            String violations = validator.validate(method, target, invocation.getArguments());
            if (violations != null) {
                return new Outcome(method.failure(CommonErrorCode.PARAM_INVALID.getCode(), violations), null, null);
            }
            Object result = invocation.proceed();
            if (result == null) {
                return systemError(method, "null response", null);
            }
            return new Outcome(complete((BaseResponse) result), null, null);
        } catch (BizException e) {
            return new Outcome(method.failure(e.getCode(), e.getMessage()), null, null);
        } catch (TradekitException e) {
            return new Outcome(method.failure(e.getCode(), e.getErrorCode().getMessage()), e.getClass().getName(), e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return systemError(method, e.getClass().getName(), e);
        }
    }

    private static Outcome systemError(FacadeMethod method, String error, Throwable cause) {
        return new Outcome(method.failure(CommonErrorCode.SYSTEM_ERROR.getCode(),
                CommonErrorCode.SYSTEM_ERROR.getMessage()), error, cause);
    }

    private static BaseResponse complete(BaseResponse response) {
        if (response.isSuccess()) {
            response.markSuccess();
        } else if (response.getCode() == null || response.getCode().isEmpty()) {
            String message = response.getMessage();
            response.markFailure(CommonErrorCode.BIZ_ERROR.getCode(),
                    message == null || message.isEmpty() ? CommonErrorCode.BIZ_ERROR.getMessage() : message);
        }
        return response;
    }

    private record Outcome(BaseResponse response, String error, Throwable unexpected) {
    }
}
