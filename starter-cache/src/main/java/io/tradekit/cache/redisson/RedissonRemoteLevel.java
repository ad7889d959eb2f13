package io.tradekit.cache.redisson;

import com.alicp.jetcache.external.ExternalCacheBuilder;
import io.tradekit.cache.remote.RemoteBreaker;
import io.tradekit.cache.remote.RemoteClient;
import io.tradekit.cache.remote.RemoteLevel;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.ByteArrayCodec;

/** The remote level on the application's {@link RedissonClient} bean. */
public final class RedissonRemoteLevel implements RemoteLevel {

    private final RedissonClient redisson;

    public RedissonRemoteLevel(RedissonClient redisson) {
        this.redisson = Objects.requireNonNull(redisson, "redisson");
    }

    @Override
    public RemoteClient client() {
        return RemoteClient.REDISSON;
    }

    @Override
    public ExternalCacheBuilder<?> newCacheBuilder(RemoteBreaker breaker) {
        return new GuardedRedissonCacheBuilder(breaker).redissonClient(redisson);
    }

    @Override
    public CompletionStage<?> probe(String key) {
        return redisson.getBucket(key, ByteArrayCodec.INSTANCE).isExistsAsync();
    }
}
