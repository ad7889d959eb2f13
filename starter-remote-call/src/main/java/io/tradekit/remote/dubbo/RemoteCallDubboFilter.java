package io.tradekit.remote.dubbo;

import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.core.response.BaseResponse;
import io.tradekit.core.trace.TraceId;
import io.tradekit.remote.RemoteCallSettings;
import io.tradekit.remote.RemoteCallWrapper;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * A Dubbo consumer {@link Filter} that sends the caller's trace id in the attachment
 * {@value #ATTACHMENT_KEY} (a new id is set in the MDC for the call when the thread has none) and
 * logs every reference call like {@link RemoteCallWrapper} does, as {@code call=Interface.method},
 * with the timer {@code tradekit.remote}.
 *
 * <p>A call made inside {@link RemoteCallWrapper} gets the attachment but no second log line.
 * Registered as {@code tradekitRemoteCall} in {@code META-INF/dubbo/org.apache.dubbo.rpc.Filter};
 * {@code tradekit.remote-call.dubbo-filter.enabled=false} makes it pass calls through untouched,
 * and Dubbo's {@code dubbo.consumer.filter=-tradekitRemoteCall} removes it.
 */
@Activate(group = CommonConstants.CONSUMER, order = -20000)
public class RemoteCallDubboFilter implements Filter {

    /**
     * The attachment carrying the trace id: {@link TraceId#PROPAGATION_KEY}, which the provider side
     * (tradekit-rpc-facade) reads too; lower case because the Triple protocol sends attachments as
     * HTTP/2 headers.
     */
    public static final String ATTACHMENT_KEY = TraceId.PROPAGATION_KEY;

    private final ConcurrentMap<MethodKey, Optional<Method>> methods = new ConcurrentHashMap<>();

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        RemoteCallSettings settings = RemoteCallSettings.current();
        if (!settings.isDubboFilterEnabled()) {
            return invoker.invoke(invocation);
        }
        TraceId.Scope scope = TraceId.current() == null ? TraceId.open(null) : null;
        String traceId = TraceId.current();
        try {
            invocation.setObjectAttachment(ATTACHMENT_KEY, traceId);
            if (RemoteCallWrapper.isWrapping()) {
                return invoker.invoke(invocation);
            }
            return invokeAndLog(invoker, invocation, settings, traceId);
        } finally {
            if (scope != null) {
                scope.close();
            }
        }
    }

    private Result invokeAndLog(Invoker<?> invoker, Invocation invocation, RemoteCallSettings settings, String traceId) {
        Class<?> type = invoker.getInterface();
        String call = (type != null ? type.getSimpleName() : invocation.getServiceName()) + "." + invocation.getMethodName();
        long start = System.nanoTime();
        Result result;
        try {
            result = invoker.invoke(invocation);
        } catch (RuntimeException e) {
            complete(settings, call, invocation, type, null, e, System.nanoTime() - start);
            throw e;
        }
        // Completed results (synchronous calls) run the callback at once, on this thread.
        return result.whenCompleteWithContext((done, thrown) -> {
            try (TraceId.Scope ignored = TraceId.open(traceId)) {
                Throwable failure = thrown != null ? thrown : done != null && done.hasException() ? done.getException() : null;
                complete(settings, call, invocation, type, failure == null && done != null ? done.getValue() : null,
                        failure, System.nanoTime() - start);
            }
        });
    }

    private void complete(RemoteCallSettings settings, String call, Invocation invocation, Class<?> type,
            Object value, Throwable failure, long elapsed) {
        boolean success;
        String code;
        if (failure != null) {
            success = false;
            code = CommonErrorCode.REMOTE_CALL_FAILED.getCode();
        } else if (value instanceof BaseResponse response) {
            success = response.isSuccess();
            code = response.getCode() == null || response.getCode().isEmpty() ? "NONE" : response.getCode();
        } else {
            success = true;
            code = CommonErrorCode.SUCCESS.getCode();
        }
        settings.getLogger().logInvocation(call, method(type, invocation), invocation.getArguments(), value, success,
                code, failure, elapsed);
        settings.getMetrics().record(call, success, code, elapsed);
    }

    private Method method(Class<?> type, Invocation invocation) {
        if (type == null || invocation.getParameterTypes() == null) {
            return null;
        }
        MethodKey key = new MethodKey(type, invocation.getMethodName(), Arrays.asList(invocation.getParameterTypes()));
        return methods.computeIfAbsent(key, k -> {
            try {
                return Optional.of(k.type().getMethod(k.name(), k.parameterTypes().toArray(new Class<?>[0])));
            } catch (NoSuchMethodException | SecurityException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private record MethodKey(Class<?> type, String name, List<Class<?>> parameterTypes) {
    }
}
