package io.tradekit.cache;

import com.alicp.jetcache.redisson.RedissonCache;

/** Both instances on the default remote client, the application's Redisson. */
class CacheAcrossInstancesTests extends CacheAcrossInstancesContract {

    @Override
    String[] propertiesOfA() {
        return new String[0];
    }

    @Override
    String[] propertiesOfB() {
        return new String[0];
    }

    @Override
    Class<?>[] remoteCacheClasses() {
        return new Class<?>[] {RedissonCache.class, RedissonCache.class};
    }
}
