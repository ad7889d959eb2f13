package io.tradekit.cache.redisson;

import static org.assertj.core.api.Assertions.assertThat;

import com.alicp.jetcache.CacheGetResult;
import com.alicp.jetcache.CacheResult;
import io.tradekit.cache.serial.CacheSerializationException;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisTimeoutException;

class GuardedRedissonCacheTests {

    @Test
    void onlyFailuresOfRedisItselfCountTowardsTheBreaker() {
        assertThat(GuardedRedissonCache.isRedisFailure(new CacheResult(new RedisConnectionException("refused")))).isTrue();
        assertThat(GuardedRedissonCache.isRedisFailure(new CacheGetResult<>(new RedisTimeoutException("slow")))).isTrue();

        assertThat(GuardedRedissonCache.isRedisFailure(new CacheResult(new CacheSerializationException("off the list"))))
                .as("the codec refused the value: Redis never saw it").isFalse();
        assertThat(GuardedRedissonCache.isRedisFailure(CacheResult.FAIL_WITHOUT_MSG)).as("deleting a missing key").isFalse();
        assertThat(GuardedRedissonCache.isRedisFailure(CacheResult.FAIL_ILLEGAL_ARGUMENT)).isFalse();
        assertThat(GuardedRedissonCache.isRedisFailure(CacheResult.SUCCESS_WITHOUT_MSG)).isFalse();
        assertThat(GuardedRedissonCache.isRedisFailure(CacheGetResult.NOT_EXISTS_WITHOUT_MSG)).isFalse();
    }
}
