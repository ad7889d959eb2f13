package io.tradekit.cache;

import java.util.List;

/** Network faults under the Lettuce remote level (one pipelining connection), with the same 1 s timeouts. */
class LettuceRemoteLevelNetworkFaultTests extends RemoteLevelNetworkFaultContract {

    @Override
    List<String> clientProperties() {
        String timeout = TIMEOUT.toMillis() + "ms";
        return List.of("tradekit.cache.remote.client=lettuce", "tradekit.cache.remote.lettuce.command-timeout=" + timeout,
                "tradekit.cache.remote.lettuce.connect-timeout=" + timeout);
    }
}
