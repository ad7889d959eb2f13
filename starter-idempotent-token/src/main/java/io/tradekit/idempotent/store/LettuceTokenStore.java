package io.tradekit.idempotent.store;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.cluster.RedisClusterClient;
import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.redis.LettuceConnector;
import io.tradekit.core.redis.RedisFaults;
import io.tradekit.core.redis.RedisScript;
import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentTokenUnavailableException;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Redis {@link IdempotentTokenStore}: {@code SET NX PX} to issue, and one Lua script per
 * transition ({@link TokenScripts}: consume, claim, complete, release) run by {@code EVALSHA}
 * (loaded again on {@code NOSCRIPT}), all values passed as {@code KEYS}/{@code ARGV}.
 *
 * <p>All threads share one Lettuce connection ({@link LettuceConnector}), which pipelines concurrent
 * commands on its own; it is opened on first use (so the application starts while Redis is down,
 * and requests are refused until it is back) and reconnects by itself. While disconnected, commands
 * are refused at once rather than queued; each command waits at most the command timeout. Works
 * with a {@link RedisClient} (standalone, sentinel) or a {@link RedisClusterClient}. Given the
 * application's {@code redis} {@link ServerBreaker}, calls are refused without touching Redis while it
 * is open.
 */
public class LettuceTokenStore implements IdempotentTokenStore, AutoCloseable {

    /**
     * The check-and-delete script of {@link #consume}: {@code KEYS[1]} the key, {@code ARGV[1]}
     * {@code "o:" + owner} or empty; returns 1 (spent), 0 (no such key) or -1 (another owner's).
     * Public so that benchmarks can run the very same script as their baseline.
     */
    public static final String CONSUME_SCRIPT = TokenScripts.CONSUME;

    private static final String UNBOUND = "*";
    private static final String OWNER_PREFIX = "o:";

    private static final RedisScript CONSUME = RedisScript.of(TokenScripts.CONSUME);
    private static final RedisScript CLAIM = RedisScript.of(TokenScripts.CLAIM);
    private static final RedisScript COMPLETE = RedisScript.of(TokenScripts.COMPLETE);
    private static final RedisScript RELEASE = RedisScript.of(TokenScripts.RELEASE);

    private final LettuceConnector connector;
    private volatile ServerBreaker breaker;

    /**
     * Creates a store on {@code client}.
     *
     * @param client         a {@link RedisClient} or {@link RedisClusterClient}
     * @param commandTimeout the longest wait for one command
     * @param retryDelay     after a failed connect, how long further calls fail at once
     * @param ownsClient     whether {@link #close()} shuts {@code client} down too
     */
    public LettuceTokenStore(AbstractRedisClient client, Duration commandTimeout, Duration retryDelay,
                             boolean ownsClient) {
        this.connector = new LettuceConnector(Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(commandTimeout, "commandTimeout"), Objects.requireNonNull(retryDelay, "retryDelay"),
                ownsClient);
    }

    /** Runs every call through {@code breaker} (null: none). */
    public void setBreaker(ServerBreaker breaker) {
        this.breaker = breaker;
    }

    /** The breaker the calls run through, or null. */
    public ServerBreaker breaker() {
        return breaker;
    }

    /** The shared connection (e.g. for the health check). */
    public LettuceConnector connector() {
        return connector;
    }

    /** Every script of the store, e.g. for the health check's {@code SCRIPT EXISTS}. */
    public static java.util.List<RedisScript> scripts() {
        return java.util.List.of(CONSUME, CLAIM, COMPLETE, RELEASE);
    }

    @Override
    public boolean save(String key, String owner, Duration ttl) {
        String value = owner == null ? UNBOUND : OWNER_PREFIX + owner;
        return guarded("store a token",
                () -> "OK".equals(connector.sync().set(key, value, SetArgs.Builder.nx().px(ttl.toMillis()))));
    }

    @Override
    public ConsumeOutcome consume(String key, String owner) {
        long result = run(CONSUME, "consume a token", key, ownerArg(owner));
        if (result == 1L) {
            return ConsumeOutcome.CONSUMED;
        }
        return result == 0L ? ConsumeOutcome.NOT_FOUND : ConsumeOutcome.OWNER_MISMATCH;
    }

    @Override
    public ConsumeOutcome claim(String key, String owner, String fingerprint, String claimId) {
        long result = run(CLAIM, "claim a token", key, ownerArg(owner), fingerprint, claimId);
        return switch ((int) result) {
            case 1 -> ConsumeOutcome.CONSUMED;
            case 0 -> ConsumeOutcome.NOT_FOUND;
            case -1 -> ConsumeOutcome.OWNER_MISMATCH;
            case 2 -> ConsumeOutcome.IN_PROGRESS;
            case 3 -> ConsumeOutcome.FINGERPRINT_MISMATCH;
            default -> throw new IdempotentTokenUnavailableException("unexpected answer of the claim script: " + result,
                    null);
        };
    }

    @Override
    public boolean complete(String key, String claimId) {
        return run(COMPLETE, "spend a claimed token", key, claimId) == 1L;
    }

    @Override
    public boolean release(String key, String claimId) {
        return run(RELEASE, "give a claimed token back", key, claimId) == 1L;
    }

    private static String ownerArg(String owner) {
        return owner == null ? "" : OWNER_PREFIX + owner;
    }

    private long run(RedisScript script, String action, String key, String... args) {
        Long result = guarded(action,
                () -> script.eval(connector.sync(), ScriptOutputType.INTEGER, new String[] {key}, args));
        if (result == null) {
            throw new IdempotentTokenUnavailableException("Redis returned no result for the script to " + action, null);
        }
        return result;
    }

    /** One call to Redis, through the breaker when there is one; a refusal or a Redis failure is unavailable. */
    private <T> T guarded(String action, Supplier<T> call) {
        ServerBreaker current = breaker;
        try {
            return current == null ? call.get() : current.call(call::get, RedisFaults::isServerFault);
        } catch (ServerUnavailableException refused) {
            throw new IdempotentTokenUnavailableException("Redis breaker open: could not " + action, refused);
        } catch (RedisException e) {
            throw unavailable(action, e, current);
        }
    }

    /** Closes the shared connection, and the client when this store owns it. */
    @Override
    public void close() {
        connector.close();
    }

    private static IdempotentTokenUnavailableException unavailable(String action, RedisException e,
                                                                   ServerBreaker breaker) {
        if (e instanceof RedisCommandInterruptedException) {
            Thread.currentThread().interrupt();
        }
        // A server fault carries the breaker's Retry-After (cause chain: unavailable -> client's exception).
        Throwable cause = breaker != null && RedisFaults.isServerFault(e) ? breaker.unavailable(e) : e;
        return new IdempotentTokenUnavailableException("Redis could not " + action + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), cause);
    }
}
