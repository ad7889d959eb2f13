package io.tradekit.cache;

import java.util.List;

/** Redis going away under the default Redisson level (a client of its own with 300 ms timeouts, see CacheTestApplication). */
class RedisDownTests extends RedisDownContract {

    @Override
    List<String> clientProperties() {
        return List.of();
    }
}
