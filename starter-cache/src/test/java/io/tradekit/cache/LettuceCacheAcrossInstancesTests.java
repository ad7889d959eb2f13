package io.tradekit.cache;

import io.tradekit.cache.lettuce.LettuceRemoteCache;

/** Both instances on the Lettuce remote level ({@code tradekit.cache.remote.client=lettuce}). */
class LettuceCacheAcrossInstancesTests extends CacheAcrossInstancesContract {

    @Override
    String[] propertiesOfA() {
        return new String[] {"tradekit.cache.remote.client=lettuce"};
    }

    @Override
    String[] propertiesOfB() {
        return new String[] {"tradekit.cache.remote.client=lettuce"};
    }

    @Override
    Class<?>[] remoteCacheClasses() {
        return new Class<?>[] {LettuceRemoteCache.class, LettuceRemoteCache.class};
    }
}
