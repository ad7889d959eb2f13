package io.tradekit.cache;

import com.alicp.jetcache.redisson.RedissonCache;
import io.tradekit.cache.lettuce.LettuceRemoteCache;

/**
 * Instance A on Redisson, B on Lettuce (an application part-way through switching clients): the
 * two levels share the key layout, value bytes and broadcast bytes, so every guarantee holds across them.
 */
class MixedClientsCacheAcrossInstancesTests extends CacheAcrossInstancesContract {

    @Override
    String[] propertiesOfA() {
        return new String[] {"tradekit.cache.remote.client=redisson"};
    }

    @Override
    String[] propertiesOfB() {
        return new String[] {"tradekit.cache.remote.client=lettuce"};
    }

    @Override
    Class<?>[] remoteCacheClasses() {
        return new Class<?>[] {RedissonCache.class, LettuceRemoteCache.class};
    }
}
