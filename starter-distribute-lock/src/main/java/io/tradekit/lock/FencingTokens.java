package io.tradekit.lock;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Issues fencing tokens: one Lua script that, only while the lock hash still holds this holder's
 * field, sets the lock's fence counter to {@code max(counter + 1, redis time in microseconds)} and
 * returns it. Monotonic per lock key: strictly +1 while the counter lives, and restarted above
 * every earlier token (Redis clock) after it expired.
 *
 * <p>The holder field is Redisson's own ({@code redisson.getId() + ":" + threadId}, as in
 * {@code RedissonBaseLock.getLockName}); should a Redisson release change it, the script finds no
 * holder and the call fails closed ({@code LOCK_FAILED}), which the tests would show at once.
 */
final class FencingTokens {

    // KEYS[1] lock hash, KEYS[2] fence counter; ARGV[1] holder field, ARGV[2] counter TTL in ms.
    private static final String SCRIPT = """
            if redis.call('hexists', KEYS[1], ARGV[1]) == 0 then return -1 end
            local t = redis.call('time')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local current = tonumber(redis.call('get', KEYS[2]) or '0')
            local nextToken = math.max(current + 1, now)
            redis.call('set', KEYS[2], string.format('%d', nextToken), 'PX', ARGV[2])
            return nextToken""";

    private final RedissonClient redisson;
    private final String ttlMillis;
    private final BiConsumer<HeldLock, DistributeLockLostEvent.Detection> lostReporter;

    FencingTokens(RedissonClient redisson, Duration ttl,
                  BiConsumer<HeldLock, DistributeLockLostEvent.Detection> lostReporter) {
        this.redisson = redisson;
        this.ttlMillis = Long.toString(ttl.toMillis());
        this.lostReporter = lostReporter;
    }

    /** The next token, or -1 when Redis no longer shows {@code held} as the lock's holder. */
    long issue(HeldLock held) {
        String holderField = redisson.getId() + ":" + held.threadId;
        Long token = redisson.getScript(StringCodec.INSTANCE).eval(held.lockKey, RScript.Mode.READ_WRITE, SCRIPT,
                RScript.ReturnType.INTEGER, List.of(held.lockKey, LockKeys.fenceKey(held.lockKey)),
                holderField, ttlMillis);
        return token == null ? -1 : token;
    }

    void reportLost(HeldLock held) {
        lostReporter.accept(held, DistributeLockLostEvent.Detection.FENCING_TOKEN);
    }
}
