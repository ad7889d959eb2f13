package io.tradekit.core.redis;

import java.util.Set;

/**
 * Tells a Redis server fault (unreachable, connection lost, no answer in time) from an answer of
 * the server (an error reply, a script's refusal): only faults count for the Redis breaker of
 * {@link io.tradekit.core.degrade.ServerBreakers}. Recognises Lettuce's, Redisson's and Spring Data's
 * exceptions by class name anywhere in the cause chain, so that no starter needs the others' clients.
 */
public final class RedisFaults {

    /** Server faults, by class name; subclasses count too. */
    private static final Set<String> FAULTS = Set.of(
            "io.lettuce.core.RedisConnectionException",
            "io.lettuce.core.RedisCommandTimeoutException",
            "io.lettuce.core.RedisCommandInterruptedException",
            "org.redisson.client.RedisConnectionException",
            "org.redisson.client.RedisTimeoutException",
            "org.redisson.client.RedisResponseTimeoutException",
            "org.redisson.client.WriteRedisConnectionException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.QueryTimeoutException",
            "java.net.ConnectException",
            "java.nio.channels.ClosedChannelException");

    /**
     * Lettuce's plain {@code RedisException} (exactly that class) is what a disconnected client with
     * {@code REJECT_COMMANDS} and {@link LettuceConnector} throw; its subclasses not listed above are
     * answers of the server (e.g. {@code RedisCommandExecutionException}, {@code RedisNoScriptException}).
     */
    private static final String LETTUCE_PLAIN = "io.lettuce.core.RedisException";

    private RedisFaults() {
    }

    /** Whether {@code failure} (or a cause) means Redis could not be reached or did not answer. */
    public static boolean isServerFault(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t.getClass().getName().equals(LETTUCE_PLAIN)) {
                return true;
            }
            for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                if (FAULTS.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }
}
