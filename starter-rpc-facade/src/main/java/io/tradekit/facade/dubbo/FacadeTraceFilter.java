package io.tradekit.facade.dubbo;

import io.tradekit.core.trace.TraceId;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * A Dubbo provider {@link Filter} that puts the trace id sent by the caller in the attachment
 * {@value #ATTACHMENT_KEY} into the MDC for the call ({@link TraceId#open(String)}: an absent or
 * malformed id is replaced by a new one) and restores the previous MDC value after it.
 *
 * <p>Registered as {@code tradekitFacadeTrace} in {@code META-INF/dubbo/org.apache.dubbo.rpc.Filter}
 * and active on every provider; {@code tradekit.facade.dubbo-filter.enabled=false} (or
 * {@code tradekit.facade.enabled=false}) makes it pass calls through untouched. Dubbo's own
 * {@code dubbo.provider.filter=-tradekitFacadeTrace} removes it entirely.
 */
@Activate(group = CommonConstants.PROVIDER, order = -20000)
public class FacadeTraceFilter implements Filter {

    /**
     * The attachment carrying the caller's trace id: {@link TraceId#PROPAGATION_KEY}, which the caller
     * side (tradekit-remote-call) sends; lower case because the Triple protocol sends attachments as
     * HTTP/2 headers.
     */
    public static final String ATTACHMENT_KEY = TraceId.PROPAGATION_KEY;

    private static volatile boolean enabled = true;

    /**
     * Switches the filter for this class loader; the auto-configuration calls it from the
     * {@code tradekit.facade.*} properties.
     *
     * @param on whether the filter sets the trace id
     */
    public static void setEnabled(boolean on) {
        enabled = on;
    }

    /**
     * Tells whether the filter sets the trace id.
     *
     * @return the current switch, {@code true} unless turned off
     */
    public static boolean isEnabled() {
        return enabled;
    }

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        if (!enabled) {
            return invoker.invoke(invocation);
        }
        Object incoming = invocation.getObjectAttachment(ATTACHMENT_KEY);
        try (TraceId.Scope scope = TraceId.open(incoming instanceof String text ? text : null)) {
            return invoker.invoke(invocation);
        }
    }
}
