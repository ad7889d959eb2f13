package io.tradekit.idempotent.store;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.lettuce.core.api.sync.RedisStringCommands;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.StringCodec;
import io.tradekit.idempotent.ConsumeOutcome;
import io.tradekit.idempotent.IdempotentTokenUnavailableException;

import java.time.Duration;
import java.util.Objects;

/**
 * The Redis {@link IdempotentTokenStore}: {@code SET NX PX} to issue, and one Lua script run by
 * {@code EVALSHA} (loaded again on {@code NOSCRIPT}) to check the owner and delete, all values
 * passed as {@code KEYS}/{@code ARGV}.
 *
 * <p>All threads share one Lettuce connection, which pipelines concurrent commands on its own; it
 * is opened on first use (so the application starts while Redis is down, and requests are refused
 * until it is back) and reconnects by itself. While disconnected, commands are refused at once
 * rather than queued; each command waits at most the command timeout. Works with a
 * {@link RedisClient} (standalone, sentinel) or a {@link RedisClusterClient}.
 */
public class LettuceTokenStore implements IdempotentTokenStore, AutoCloseable {

    /**
     * The check-and-delete script: {@code KEYS[1]} the key, {@code ARGV[1]} {@code "o:" + owner} or
     * empty when the caller has none; returns 1 (spent), 0 (no such key) or -1 (another owner's).
     * Public so that benchmarks can run the very same script as their baseline.
     */
    public static final String CONSUME_SCRIPT = """
            local value = redis.call('GET', KEYS[1])
            if not value then
              return 0
            end
            if value == '*' or value == ARGV[1] then
              redis.call('DEL', KEYS[1])
              return 1
            end
            return -1
            """;

    private static final String UNBOUND = "*";
    private static final String OWNER_PREFIX = "o:";

    private final LettuceConnector connector;
    private final boolean ownsClient;
    private final String consumeSha;

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
                Objects.requireNonNull(commandTimeout, "commandTimeout"), Objects.requireNonNull(retryDelay, "retryDelay"));
        this.ownsClient = ownsClient;
        this.consumeSha = ScriptDigest.sha1Hex(CONSUME_SCRIPT);
    }

    @Override
    public boolean save(String key, String owner, Duration ttl) {
        String value = owner == null ? UNBOUND : OWNER_PREFIX + owner;
        try {
            return "OK".equals(connector.commands().set(key, value, SetArgs.Builder.nx().px(ttl.toMillis())));
        } catch (RedisException e) {
            throw unavailable("store a token", e);
        }
    }

    @Override
    public ConsumeOutcome consume(String key, String owner) {
        String ownerArg = owner == null ? "" : OWNER_PREFIX + owner;
        Long result;
        try {
            Commands commands = connector.commands();
            try {
                result = commands.evalsha(consumeSha, key, ownerArg);
            } catch (RedisNoScriptException e) {
                commands.scriptLoad(CONSUME_SCRIPT);
                result = commands.evalsha(consumeSha, key, ownerArg);
            }
        } catch (RedisException e) {
            throw unavailable("consume a token", e);
        }
        if (result == null) {
            throw new IdempotentTokenUnavailableException("Redis returned no result for the token script", null);
        }
        if (result == 1L) {
            return ConsumeOutcome.CONSUMED;
        }
        return result == 0L ? ConsumeOutcome.NOT_FOUND : ConsumeOutcome.OWNER_MISMATCH;
    }

    /** Closes the shared connection, and the client when this store owns it. */
    @Override
    public void close() {
        connector.close(ownsClient);
    }

    private static IdempotentTokenUnavailableException unavailable(String action, RedisException e) {
        if (e instanceof RedisCommandInterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IdempotentTokenUnavailableException("Redis could not " + action + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }

    /** The two commands the store needs, over a standalone or a cluster connection. */
    interface Commands {

        String set(String key, String value, SetArgs args);

        Long evalsha(String sha, String key, String arg);

        String scriptLoad(String script);

        static <C extends RedisScriptingCommands<String, String> & RedisStringCommands<String, String>> Commands of(C c) {
            return new Commands() {
                @Override
                public String set(String key, String value, SetArgs args) {
                    return c.set(key, value, args);
                }

                @Override
                public Long evalsha(String sha, String key, String arg) {
                    return c.evalsha(sha, ScriptOutputType.INTEGER, new String[] {key}, arg);
                }

                @Override
                public String scriptLoad(String script) {
                    return c.scriptLoad(script);
                }
            };
        }
    }

    /** Opens the one shared connection on first use, with a pause after a failed attempt. */
    static final class LettuceConnector {

        private final AbstractRedisClient client;
        private final Duration commandTimeout;
        private final long retryDelayNanos;
        private volatile Commands commands;
        private StatefulConnection<String, String> connection;
        private long lastFailure;
        private RedisException lastError;
        private boolean closed;

        LettuceConnector(AbstractRedisClient client, Duration commandTimeout, Duration retryDelay) {
            this.client = client;
            this.commandTimeout = commandTimeout;
            this.retryDelayNanos = retryDelay.toNanos();
        }

        Commands commands() {
            Commands current = commands;
            return current != null ? current : connect();
        }

        private synchronized Commands connect() {
            if (commands != null) {
                return commands;
            }
            if (closed) {
                throw new RedisException("the token store is closed");
            }
            if (lastError != null && System.nanoTime() - lastFailure < retryDelayNanos) {
                throw new RedisException("not connected (last attempt failed: " + lastError.getMessage() + ")");
            }
            try {
                if (client instanceof RedisClusterClient cluster) {
                    StatefulRedisClusterConnection<String, String> c = cluster.connect(StringCodec.UTF8);
                    c.setTimeout(commandTimeout);
                    connection = c;
                    commands = Commands.of(c.sync());
                } else {
                    StatefulRedisConnection<String, String> c = ((RedisClient) client).connect(StringCodec.UTF8);
                    c.setTimeout(commandTimeout);
                    connection = c;
                    commands = Commands.of(c.sync());
                }
                lastError = null;
                return commands;
            } catch (RedisException e) {
                lastError = e;
                lastFailure = System.nanoTime();
                throw e;
            }
        }

        synchronized void close(boolean shutdownClient) {
            closed = true;
            commands = null;
            if (connection != null) {
                connection.close();
                connection = null;
            }
            if (shutdownClient) {
                client.shutdown();
            }
        }
    }
}
