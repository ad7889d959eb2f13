package io.tradekit.remote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.Test;

/** Only "no provider, unreachable, no answer in time" counts for a remote server's breaker. */
class RemoteFaultsTests {

    @Test
    void dubboFaultCodesAndNetworkFailuresAreFaults() {
        for (int code : new int[] {RpcException.NETWORK_EXCEPTION, RpcException.TIMEOUT_EXCEPTION,
                RpcException.FORBIDDEN_EXCEPTION, RpcException.NO_INVOKER_AVAILABLE_AFTER_FILTER,
                RpcException.TIMEOUT_TERMINATE}) {
            assertThat(RemoteFaults.isServerFault(new RpcException(code, "x"))).as("code %d", code).isTrue();
        }
        assertThat(RemoteFaults.isServerFault(new IllegalStateException(
                new RpcException(RpcException.TIMEOUT_EXCEPTION, "x")))).isTrue();
        assertThat(RemoteFaults.isServerFault(new ConnectException("refused"))).isTrue();
        assertThat(RemoteFaults.isServerFault(new RuntimeException(new SocketTimeoutException("read")))).isTrue();
    }

    @Test
    void answersAndBugsAreNot() {
        for (int code : new int[] {RpcException.UNKNOWN_EXCEPTION, RpcException.BIZ_EXCEPTION,
                RpcException.SERIALIZATION_EXCEPTION, RpcException.LIMIT_EXCEEDED_EXCEPTION,
                RpcException.METHOD_NOT_FOUND, RpcException.VALIDATION_EXCEPTION}) {
            assertThat(RemoteFaults.isServerFault(new RpcException(code, "x"))).as("code %d", code).isFalse();
        }
        assertThat(RemoteFaults.isServerFault(new IllegalArgumentException("bad request"))).isFalse();
        assertThat(RemoteFaults.isServerFault(null)).isFalse();
    }
}
