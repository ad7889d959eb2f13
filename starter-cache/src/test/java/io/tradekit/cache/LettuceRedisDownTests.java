package io.tradekit.cache;

import java.util.List;

/** Redis going away under the Lettuce level, with timeouts as short as the Redisson variant's. */
class LettuceRedisDownTests extends RedisDownContract {

    @Override
    List<String> clientProperties() {
        return List.of("tradekit.cache.remote.client=lettuce", "tradekit.cache.remote.lettuce.command-timeout=300ms",
                "tradekit.cache.remote.lettuce.connect-timeout=300ms");
    }
}
