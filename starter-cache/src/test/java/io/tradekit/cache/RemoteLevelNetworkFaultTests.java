package io.tradekit.cache;

import java.util.List;

/** Network faults under the default Redisson remote level (the test's own client, 1 s timeouts, no retries). */
class RemoteLevelNetworkFaultTests extends RemoteLevelNetworkFaultContract {

    @Override
    List<String> clientProperties() {
        return List.of();
    }
}
