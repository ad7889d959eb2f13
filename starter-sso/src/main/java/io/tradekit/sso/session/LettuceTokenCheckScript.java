package io.tradekit.sso.session;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.RedisClusterClient;
import io.tradekit.core.redis.LettuceConnector;
import io.tradekit.core.redis.RedisScript;

import java.time.Duration;
import java.util.List;

/**
 * The login check on one shared Lettuce connection of the starter's own
 * ({@code tradekit.sso.session.check-client=lettuce}): Lettuce pipelines the requests' scripts on
 * one connection, where a Redisson connection factory costs a pooled connection and more CPU per
 * command. Opened on first use (the application starts without Redis); refuses at once while Redis
 * is unreachable, so the request fails (closed).
 */
public class LettuceTokenCheckScript implements TokenCheckScript, AutoCloseable {

    private static final RedisScript SCRIPT = RedisScript.of(TokenCheckScript.source());

    private final LettuceConnector connector;
    private final Duration commandTimeout;

    /**
     * @param client a standalone or sentinel client (a token's two keys are in different Cluster slots)
     * @throws IllegalStateException for a Redis Cluster client
     */
    public LettuceTokenCheckScript(AbstractRedisClient client, Duration commandTimeout, Duration retryDelay) {
        if (client instanceof RedisClusterClient) {
            client.shutdown();
            throw new IllegalStateException("tradekit.sso.session.check-client=lettuce needs a standalone or sentinel "
                    + "Redis: a token's keys are in different Redis Cluster slots; use connection-factory");
        }
        this.connector = new LettuceConnector(client, commandTimeout, retryDelay, true);
        this.commandTimeout = commandTimeout;
    }

    /** The longest wait for one login check ({@code tradekit.sso.session.lettuce.command-timeout}). */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    @Override
    public List<?> run(String[] keys, String[] args) {
        return SCRIPT.eval(connector.sync(), ScriptOutputType.MULTI, keys, args);
    }

    @Override
    public void close() {
        connector.close();
    }
}
