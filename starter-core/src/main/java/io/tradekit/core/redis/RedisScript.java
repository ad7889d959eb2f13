package io.tradekit.core.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script and its SHA-1 name, run by {@code EVALSHA} and loaded again when Redis answers
 * {@code NOSCRIPT} (after a restart, a fail-over or {@code SCRIPT FLUSH}); keys and values go only
 * through {@code KEYS}/{@code ARGV}, never into the script text.
 *
 * @param text the Lua source
 * @param sha  its SHA-1 in lower-case hex, as Redis names it
 */
public record RedisScript(String text, String sha) {

    /** Checks that both parts are present. */
    public RedisScript {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sha, "sha");
    }

    /** A script named by the SHA-1 of {@code text}. */
    public static RedisScript of(String text) {
        return new RedisScript(text, sha1Hex(text));
    }

    /**
     * Runs the script by {@code EVALSHA}, loading it once more on {@code NOSCRIPT}.
     *
     * @param <T>      the Java type Lettuce maps {@code type} to
     * @param commands the commands of a standalone or cluster connection
     * @param type     how to read the reply
     * @param keys     the {@code KEYS} (on a cluster, all in one hash slot)
     * @param args     the {@code ARGV}
     * @return the script's reply
     */
    public <T> T eval(RedisClusterCommands<String, String> commands, ScriptOutputType type, String[] keys,
                      String... args) {
        try {
            return commands.evalsha(sha, type, keys, args);
        } catch (RedisNoScriptException e) {
            commands.scriptLoad(text);
            return commands.evalsha(sha, type, keys, args);
        }
    }

    /**
     * Runs the script by {@code EVALSHA} without blocking, loading it once more on {@code NOSCRIPT}.
     *
     * @param <T>      the Java type Lettuce maps {@code type} to
     * @param commands the asynchronous commands of a standalone or cluster connection
     * @param type     how to read the reply
     * @param keys     the {@code KEYS} (on a cluster, all in one hash slot)
     * @param args     the {@code ARGV}
     * @return the script's reply, or the Redis error
     */
    public <T> CompletionStage<T> evalAsync(RedisClusterAsyncCommands<String, String> commands,
                                            ScriptOutputType type, String[] keys, String... args) {
        CompletionStage<T> first = commands.evalsha(sha, type, keys, args);
        return first.<CompletionStage<T>>handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (!(cause instanceof RedisNoScriptException)) {
                return CompletableFuture.<T>failedFuture(cause);
            }
            return commands.scriptLoad(text).thenCompose(loaded -> commands.<T>evalsha(sha, type, keys, args));
        }).thenCompose(stage -> stage);
    }

    /** The SHA-1 hex digest Redis uses to name {@code script} for {@code EVALSHA}. */
    public static String sha1Hex(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the Java platform", e);
        }
    }
}
