package io.tradekit.facade.aop;

import io.tradekit.core.response.BaseResponse;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;

/**
 * What the interceptor needs about one {@code @Facade} method, computed once by
 * {@link FacadeMethodRegistry}: names, the response constructor, validation groups and which
 * arguments are beans that must not be {@code null}.
 */
final class FacadeMethod {

    private static final Class<?>[] NO_GROUPS = new Class<?>[0];

    final Method method;
    final Method logMethod;
    final String service;
    final String name;
    final String qualifiedName;
    final Class<? extends BaseResponse> responseType;
    final Class<?>[] groups;
    final boolean constrained;
    final int[] beanParameters;
    final String[] beanParameterNames;
    private final MethodHandle constructor;

    FacadeMethod(Method method, Method logMethod, String service, Class<? extends BaseResponse> responseType, MethodHandle constructor,
            Class<?>[] groups, boolean constrained, int[] beanParameters, String[] beanParameterNames) {
        this.method = method;
        this.logMethod = logMethod;
        this.service = service;
        this.name = method.getName();
        this.qualifiedName = service + "." + name;
        this.responseType = responseType;
        this.constructor = constructor;
        this.groups = groups.length == 0 ? NO_GROUPS : groups.clone();
        this.constrained = constrained;
        this.beanParameters = beanParameters;
        this.beanParameterNames = beanParameterNames;
    }

    /** Whether arguments have to be checked at all (constraints, cascades or bean parameters). */
    boolean needsValidation() {
        return constrained || beanParameters.length > 0;
    }

    /** A new, empty instance of the declared response type. */
    BaseResponse newResponse() {
        try {
            return (BaseResponse) constructor.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot create " + responseType.getName() + " for " + qualifiedName, e);
        }
    }

    /** A new failed instance of the declared response type. */
    BaseResponse failure(String code, String message) {
        BaseResponse response = newResponse();
        response.markFailure(code, message);
        return response;
    }
}
