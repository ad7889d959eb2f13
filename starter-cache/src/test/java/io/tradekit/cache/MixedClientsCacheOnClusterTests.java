package io.tradekit.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.alicp.jetcache.redisson.RedissonCache;
import io.lettuce.core.cluster.RedisClusterClient;
import io.tradekit.cache.lettuce.LettuceRemoteCache;
import io.tradekit.cache.lettuce.LettuceRemoteLevel;
import io.tradekit.devservices.redis.RedisClusterDevService;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * The whole contract on a three-master Redis Cluster ({@code spring.data.redis.cluster.nodes}), A on
 * the application's Redisson, B on the starter's Lettuce cluster client: cache keys spread over the
 * masters, and the invalidation broadcast is a plain PUBLISH, which the cluster bus carries to every
 * node, so each instance's subscription (on whichever node its client picked) hears the other's.
 */
class MixedClientsCacheOnClusterTests extends CacheAcrossInstancesContract {

    private RedisClusterDevService cluster;

    // The contract's @BeforeAll asks for A's properties first, before any subclass callback could run.
    @Override
    String[] propertiesOfA() {
        cluster = RedisClusterDevService.start();
        return onCluster("redisson");
    }

    @Override
    String[] propertiesOfB() {
        return onCluster("lettuce");
    }

    private String[] onCluster(String client) {
        return new String[] {"tradekit.dev-services.redis.enabled=false",
                "spring.data.redis.cluster.nodes=" + cluster.nodesProperty(),
                "tradekit.cache.remote.client=" + client};
    }

    @Override
    Class<?>[] remoteCacheClasses() {
        return new Class<?>[] {RedissonCache.class, LettuceRemoteCache.class};
    }

    @Override
    void afterInstancesClosed() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aRunsRedissonAndBLettuceInClusterMode() {
        assertThat(instance("a").getBean(RedissonClient.class).getConfig().isClusterConfig()).isTrue();
        assertThat(instance("b").getBean(LettuceRemoteLevel.class).connector().client())
                .isInstanceOf(RedisClusterClient.class);
    }
}
