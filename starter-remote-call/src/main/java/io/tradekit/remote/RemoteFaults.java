package io.tradekit.remote;

import java.util.Set;

/**
 * Tells a remote server fault (no provider, connection refused or lost, no answer in time) from an
 * answer of the provider (a failed {@code BaseResponse}, a business exception): only faults count for
 * a remote server's breaker. Dubbo's {@code RpcException} is read by its code, by reflection, so that
 * the wrapper works without Dubbo on the class path.
 */
public final class RemoteFaults {

    /** Faults of any client, by class name; subclasses count too. */
    private static final Set<String> FAULTS = Set.of(
            "java.net.ConnectException",
            "java.net.SocketTimeoutException",
            "java.util.concurrent.TimeoutException",
            "org.apache.dubbo.remoting.RemotingException",
            "org.apache.dubbo.remoting.TimeoutException");

    private static final String RPC_EXCEPTION = "org.apache.dubbo.rpc.RpcException";

    /**
     * {@code RpcException} codes of a server fault: NETWORK_EXCEPTION (1), TIMEOUT_EXCEPTION (2),
     * FORBIDDEN_EXCEPTION (4: what Dubbo 3's registry directory throws for "No provider available from
     * registry", and a destroyed invoker for a provider gone), NO_INVOKER_AVAILABLE_AFTER_FILTER (6, no
     * provider left after routing), TIMEOUT_TERMINATE (8). The others (business, serialization, limit
     * exceeded, method not found, validation...) are answers or bugs, which a breaker would only hide.
     */
    private static final Set<Integer> RPC_FAULT_CODES = Set.of(1, 2, 4, 6, 8);

    private RemoteFaults() {
    }

    /** Whether {@code failure} (or a cause) means the remote server could not be reached or did not answer. */
    public static boolean isServerFault(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                if (FAULTS.contains(type.getName())) {
                    return true;
                }
                if (type.getName().equals(RPC_EXCEPTION) && RPC_FAULT_CODES.contains(rpcCode(t))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int rpcCode(Throwable rpcException) {
        try {
            return (Integer) rpcException.getClass().getMethod("getCode").invoke(rpcException);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
