package io.tradekit.cache.lettuce;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ByteArrayOutput;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandKeyword;
import io.lettuce.core.protocol.CommandType;
import io.tradekit.core.redis.LettuceConnector;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The few commands the remote level sends, with binary values, on the shared connection of a
 * {@link LettuceConnector}.
 *
 * <p>The connector's connection has a String codec (it is shared with other users); a String
 * codec would mangle Kryo bytes. Lettuce's {@code dispatch} lets one command carry raw bytes
 * ({@code CommandArgs.add(byte[])}) and read a raw reply ({@link ByteArrayOutput}) on that same
 * connection, so no second connection with a byte codec is needed. Keys stay {@code addKey}
 * Strings, so a cluster connection routes each command by its key.
 */
final class BinaryCommands {

    private static final StringCodec CODEC = StringCodec.UTF8;
    private static final String PX = "PX";

    private final LettuceConnector connector;
    private final long timeoutNanos;

    BinaryCommands(LettuceConnector connector, Duration commandTimeout) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.timeoutNanos = commandTimeout.toNanos();
    }

    LettuceConnector connector() {
        return connector;
    }

    /** {@code GET key}: the raw value, null when absent. */
    byte[] get(String key) {
        return await(getAsync(key));
    }

    RedisFuture<byte[]> getAsync(String key) {
        return connector.async().dispatch(CommandType.GET, new ByteArrayOutput<>(CODEC), new CommandArgs<>(CODEC).addKey(key));
    }

    /** {@code SET key value [PX millis]}; {@code millis <= 0}: no expire. */
    RedisFuture<String> setAsync(String key, byte[] value, long millis) {
        CommandArgs<String, String> args = new CommandArgs<>(CODEC).addKey(key).add(value);
        if (millis > 0) {
            args.add(PX).add(millis);
        }
        return connector.async().dispatch(CommandType.SET, new StatusOutput<>(CODEC), args);
    }

    /** {@code SET key value NX [PX millis]}: whether the key was absent and is now set. */
    boolean setIfAbsent(String key, byte[] value, long millis) {
        CommandArgs<String, String> args = new CommandArgs<>(CODEC).addKey(key).add(value).add(CommandKeyword.NX);
        if (millis > 0) {
            args.add(PX).add(millis);
        }
        return "OK".equals(await(connector.async().dispatch(CommandType.SET, new StatusOutput<>(CODEC), args)));
    }

    /** {@code DEL key}: how many keys were deleted. */
    RedisFuture<Long> delAsync(String key) {
        return connector.async().dispatch(CommandType.DEL, new IntegerOutput<>(CODEC), new CommandArgs<>(CODEC).addKey(key));
    }

    /** {@code PUBLISH channel message}, not waited for. */
    RedisFuture<Long> publishAsync(String channel, byte[] message) {
        return connector.async().dispatch(CommandType.PUBLISH, new IntegerOutput<>(CODEC),
                new CommandArgs<>(CODEC).add(channel).add(message));
    }

    /** Waits for a reply at most the command timeout; Redis errors and timeouts are thrown as RedisExceptions. */
    <T> T await(RedisFuture<T> future) {
        return LettuceFutures.awaitOrCancel(future, timeoutNanos, TimeUnit.NANOSECONDS);
    }
}
