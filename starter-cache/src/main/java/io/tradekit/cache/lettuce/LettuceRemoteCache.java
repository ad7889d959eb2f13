package io.tradekit.cache.lettuce;

import com.alicp.jetcache.CacheConfig;
import com.alicp.jetcache.CacheGetResult;
import com.alicp.jetcache.CacheResult;
import com.alicp.jetcache.CacheResultCode;
import com.alicp.jetcache.CacheValueHolder;
import com.alicp.jetcache.MultiGetResult;
import com.alicp.jetcache.external.AbstractExternalCache;
import io.lettuce.core.RedisFuture;
import io.tradekit.cache.remote.RemoteBreaker;
import io.tradekit.core.redis.LettuceConnector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JetCache remote cache on the shared Lettuce connection of a {@link LettuceConnector}, behind a
 * {@link RemoteBreaker}.
 *
 * <p>Every call runs in the caller's thread and waits for its reply at most the command timeout;
 * concurrent callers share one connection, which Lettuce pipelines. Values are stored as JetCache's
 * Redis caches store them (the codec's bytes of a {@link CacheValueHolder}, with a Redis expire), so
 * the Redisson level reads what this one writes and the other way round.
 *
 * <p>Outcomes, as the two-level cache expects them: a Redis failure (unreachable, timed out, an
 * error reply) is a FAIL result, counted by the breaker; while the breaker is open, calls answer
 * FAIL at once without touching Redis; bytes the codec refuses are a miss (reads) or a value not
 * written (writes), and say nothing about Redis.
 */
public final class LettuceRemoteCache<K, V> extends AbstractExternalCache<K, V> {

    private static final Logger log = LoggerFactory.getLogger(LettuceRemoteCache.class);
    private static final String SKIPPED = "remote cache skipped: Redis failing";

    private final LettuceRemoteCacheConfig<K, V> config;
    private final BinaryCommands redis;
    private final RemoteBreaker breaker;
    private final Function<Object, byte[]> encoder;
    private final Function<byte[], Object> decoder;

    public LettuceRemoteCache(LettuceRemoteCacheConfig<K, V> config, RemoteBreaker breaker) {
        super(config);
        this.config = config;
        this.redis = new BinaryCommands(config.getConnector(), config.getCommandTimeout());
        this.breaker = breaker;
        this.encoder = config.getValueEncoder();
        this.decoder = config.getValueDecoder();
    }

    @Override
    public CacheConfig<K, V> config() {
        return config;
    }

    @Override
    public <T> T unwrap(Class<T> clazz) {
        if (clazz.isInstance(config.getConnector())) {
            return clazz.cast(config.getConnector());
        }
        throw new IllegalArgumentException("LettuceRemoteCache unwraps to LettuceConnector only, not " + clazz.getName());
    }

    private String redisKey(K key) {
        return new String(buildKey(key), StandardCharsets.UTF_8);
    }

    @Override
    protected CacheGetResult<V> do_GET(K key) {
        if (!breaker.allowsCall()) {
            return new CacheGetResult<>(CacheResultCode.FAIL, SKIPPED, null);
        }
        String redisKey;
        try {
            redisKey = redisKey(key);
        } catch (RuntimeException e) {
            refused(e);
            return new CacheGetResult<>(e);
        }
        byte[] bytes;
        try {
            bytes = redis.get(redisKey);
        } catch (RuntimeException e) {
            return new CacheGetResult<>(failed("GET", e));
        }
        breaker.recordSuccess();
        return result(bytes, System.currentTimeMillis());
    }

    @Override
    protected MultiGetResult<K, V> do_GET_ALL(Set<? extends K> keys) {
        if (!breaker.allowsCall()) {
            return new MultiGetResult<>(CacheResultCode.FAIL, SKIPPED, null);
        }
        // One GET per key, pipelined on the connection: unlike MGET, it works across cluster slots.
        Map<K, RedisFuture<byte[]>> pending = new LinkedHashMap<>();
        try {
            for (K key : keys) {
                if (key != null) {
                    pending.put(key, redis.getAsync(redisKey(key)));
                }
            }
            Map<K, byte[]> replies = new HashMap<>();
            for (Map.Entry<K, RedisFuture<byte[]>> e : pending.entrySet()) {
                replies.put(e.getKey(), redis.await(e.getValue()));
            }
            breaker.recordSuccess();
            long now = System.currentTimeMillis();
            Map<K, CacheGetResult<V>> values = new HashMap<>();
            replies.forEach((key, bytes) -> values.put(key, result(bytes, now)));
            return new MultiGetResult<>(CacheResultCode.SUCCESS, null, values);
        } catch (RuntimeException e) {
            return new MultiGetResult<>(failed("GET_ALL", e));
        }
    }

    @Override
    protected CacheResult do_PUT(K key, V value, long expireAfterWrite, TimeUnit timeUnit) {
        if (!breaker.allowsCall()) {
            return new CacheResult(CacheResultCode.FAIL, SKIPPED);
        }
        long millis = timeUnit.toMillis(expireAfterWrite);
        String redisKey;
        byte[] bytes;
        try {
            redisKey = redisKey(key);
            bytes = encoder.apply(new CacheValueHolder<>(value, millis));
        } catch (RuntimeException e) {
            return refused(e);
        }
        try {
            redis.await(redis.setAsync(redisKey, bytes, millis));
        } catch (RuntimeException e) {
            return new CacheResult(failed("PUT", e));
        }
        breaker.recordSuccess();
        return CacheResult.SUCCESS_WITHOUT_MSG;
    }

    @Override
    protected CacheResult do_PUT_ALL(Map<? extends K, ? extends V> map, long expireAfterWrite, TimeUnit timeUnit) {
        if (!breaker.allowsCall()) {
            return new CacheResult(CacheResultCode.FAIL, SKIPPED);
        }
        long millis = timeUnit.toMillis(expireAfterWrite);
        Map<String, byte[]> encoded = new LinkedHashMap<>();
        try {
            map.forEach((key, value) -> encoded.put(redisKey(key), encoder.apply(new CacheValueHolder<>(value, millis))));
        } catch (RuntimeException e) {
            // All or nothing, as a batch would be: none of the values is written.
            return refused(e);
        }
        try {
            List<RedisFuture<String>> pending = new ArrayList<>(encoded.size());
            encoded.forEach((key, bytes) -> pending.add(redis.setAsync(key, bytes, millis)));
            for (RedisFuture<String> future : pending) {
                redis.await(future);
            }
        } catch (RuntimeException e) {
            return new CacheResult(failed("PUT_ALL", e));
        }
        breaker.recordSuccess();
        return CacheResult.SUCCESS_WITHOUT_MSG;
    }

    @Override
    protected CacheResult do_REMOVE(K key) {
        if (!breaker.allowsCall()) {
            return new CacheResult(CacheResultCode.FAIL, SKIPPED);
        }
        String redisKey;
        try {
            redisKey = redisKey(key);
        } catch (RuntimeException e) {
            return refused(e);
        }
        long deleted;
        try {
            deleted = redis.await(redis.delAsync(redisKey));
        } catch (RuntimeException e) {
            return new CacheResult(failed("REMOVE", e));
        }
        breaker.recordSuccess();
        return deleted > 0 ? CacheResult.SUCCESS_WITHOUT_MSG : CacheResult.FAIL_WITHOUT_MSG;
    }

    @Override
    protected CacheResult do_REMOVE_ALL(Set<? extends K> keys) {
        if (!breaker.allowsCall()) {
            return new CacheResult(CacheResultCode.FAIL, SKIPPED);
        }
        try {
            List<RedisFuture<Long>> pending = new ArrayList<>(keys.size());
            for (K key : keys) {
                if (key != null) {
                    pending.add(redis.delAsync(redisKey(key)));
                }
            }
            for (RedisFuture<Long> future : pending) {
                redis.await(future);
            }
        } catch (RuntimeException e) {
            return new CacheResult(failed("REMOVE_ALL", e));
        }
        breaker.recordSuccess();
        return CacheResult.SUCCESS_WITHOUT_MSG;
    }

    @Override
    protected CacheResult do_PUT_IF_ABSENT(K key, V value, long expireAfterWrite, TimeUnit timeUnit) {
        if (!breaker.allowsCall()) {
            return new CacheResult(CacheResultCode.FAIL, SKIPPED);
        }
        long millis = timeUnit.toMillis(expireAfterWrite);
        String redisKey;
        byte[] bytes;
        try {
            redisKey = redisKey(key);
            bytes = encoder.apply(new CacheValueHolder<>(value, millis));
        } catch (RuntimeException e) {
            return refused(e);
        }
        boolean set;
        try {
            set = redis.setIfAbsent(redisKey, bytes, millis);
        } catch (RuntimeException e) {
            return new CacheResult(failed("PUT_IF_ABSENT", e));
        }
        breaker.recordSuccess();
        return set ? CacheResult.SUCCESS_WITHOUT_MSG : CacheResult.EXISTS_WITHOUT_MSG;
    }

    /** A reply turned into a result: absent, refused by the codec or expired → a miss. */
    @SuppressWarnings("unchecked")
    private CacheGetResult<V> result(byte[] bytes, long now) {
        if (bytes == null || bytes.length == 0) {
            return CacheGetResult.NOT_EXISTS_WITHOUT_MSG;
        }
        CacheValueHolder<V> holder;
        try {
            holder = (CacheValueHolder<V>) decoder.apply(bytes);
        } catch (RuntimeException e) {
            log.warn("tradekit cache: a remote value on {} was not read (treated as a miss): {}", config.getKeyPrefix(),
                    e.toString());
            return CacheGetResult.NOT_EXISTS_WITHOUT_MSG;
        }
        if (holder == null) {
            return CacheGetResult.NOT_EXISTS_WITHOUT_MSG;
        }
        long expire = holder.getExpireTime();
        if (expire > 0 && now >= expire) {
            return CacheGetResult.EXPIRED_WITHOUT_MSG;
        }
        return new CacheGetResult<>(CacheResultCode.SUCCESS, null, holder);
    }

    /** A failure of Redis itself: counted by the breaker, logged without the key. */
    private RuntimeException failed(String operation, RuntimeException e) {
        breaker.recordFailure();
        logError(operation, null, e);
        return e;
    }

    /** The codec or key convertor refused the key or value (a class off the allow-list): Redis never saw it. */
    private CacheResult refused(RuntimeException e) {
        log.warn("tradekit cache: an entry of {} was not sent to Redis: {}", config.getKeyPrefix(), e.toString());
        return new CacheResult(e);
    }

    /**
     * JetCache's own error log prints the key, which is often a user id or a phone number: ours
     * names the cache (its key prefix) and the failure, never the key.
     */
    @Override
    protected void logError(String operation, Object key, Throwable e) {
        log.warn("tradekit cache: remote {} on {} failed: {}", operation, config.getKeyPrefix(), e.toString());
    }
}
