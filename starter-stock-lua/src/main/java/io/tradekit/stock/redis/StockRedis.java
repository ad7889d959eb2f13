package io.tradekit.stock.redis;

import io.lettuce.core.RedisCommandInterruptedException;
import io.lettuce.core.RedisException;
import io.tradekit.core.degrade.ServerBreaker;
import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.redis.RedisFaults;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.MapScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.tradekit.core.redis.LettuceConnector;
import io.tradekit.core.redis.RedisScript;
import io.tradekit.stock.StockOperation;
import io.tradekit.stock.StockRecord;
import io.tradekit.stock.StockUnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Runs the {@link StockScripts} on the shared Lettuce connection and reads their replies; every
 * Redis failure becomes a {@link StockUnavailableException}. Ids are validated by the caller.
 */
public class StockRedis implements AutoCloseable {

    private static final int TRIM_BATCH = 256;

    private final LettuceConnector connector;
    private volatile ServerBreaker breaker;
    private final StockKeys keys;

    /**
     * Creates the executor.
     *
     * @param connector the shared connection (closed by {@link #close()})
     * @param keys      the key layout
     */
    public StockRedis(LettuceConnector connector, StockKeys keys) {
        this.connector = Objects.requireNonNull(connector, "connector");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The key layout. */
    public StockKeys keys() {
        return keys;
    }

    /** The shared connection. */
    public LettuceConnector connector() {
        return connector;
    }

    /** Runs deduct or increase; replies {@code {code, before, after, ts}}. */
    public long[] change(boolean deduction, String itemId, String buyerId, String identifier, long quantity) {
        RedisScript script = deduction ? StockScripts.DEDUCT_SCRIPT : StockScripts.INCREASE_SCRIPT;
        String reply = call("change the stock", c -> script.eval(c, ScriptOutputType.VALUE,
                changeKeys(itemId), changeArgs(deduction, buyerId, identifier, quantity)));
        return toLongs(reply);
    }

    /** Runs deduct or increase without blocking; completes with {@code {code, before, after, ts}}. */
    public CompletionStage<long[]> changeAsync(boolean deduction, String itemId, String buyerId, String identifier,
                                               long quantity) {
        RedisScript script = deduction ? StockScripts.DEDUCT_SCRIPT : StockScripts.INCREASE_SCRIPT;
        CompletionStage<String> reply;
        try {
            java.util.function.Supplier<CompletionStage<String>> start = () -> script.evalAsync(connector.async(),
                    ScriptOutputType.VALUE, changeKeys(itemId), changeArgs(deduction, buyerId, identifier, quantity));
            ServerBreaker current = breaker;
            reply = current == null ? start.get() : current.callAsync(start, RedisFaults::isServerFault);
        } catch (ServerUnavailableException refused) {
            throw refused("change the stock", refused);
        } catch (RedisException e) {
            throw unavailable("change the stock", e);
        }
        return reply.handle((value, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                throw cause instanceof RedisException r ? unavailable("change the stock", r)
                        : new CompletionException(cause);
            }
            return toLongs(value);
        });
    }

    /** Sets the stock (only when absent unless {@code overwrite}); true when it was set. */
    public boolean init(String itemId, long quantity, boolean overwrite) {
        Long reply = call("initialise the stock", c -> StockScripts.INIT_SCRIPT.eval(c, ScriptOutputType.INTEGER,
                new String[] {keys.stock(itemId), keys.records(itemId)}, Long.toString(quantity), overwrite ? "1" : "0"));
        return reply != null && reply == 1L;
    }

    /** The stock, or {@code null} when there is none (or it is not an integer). */
    public Long get(String itemId) {
        String value = call("read the stock", c -> c.get(keys.stock(itemId)));
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The record of an identifier's deduction or increase, if Redis holds it. */
    public Optional<StockRecord> record(String itemId, String identifier, StockOperation type) {
        List<Object> reply = call("read a stock record", c -> StockScripts.RECORD_SCRIPT.eval(c,
                ScriptOutputType.MULTI, new String[] {keys.records(itemId)},
                StockKeys.indexField(type == StockOperation.DEDUCT, identifier)));
        if (reply == null || reply.size() != 2) {
            return Optional.empty();
        }
        return Optional.of(parseRecord(String.valueOf(reply.get(0)), String.valueOf(reply.get(1))));
    }

    /** The record of exactly one operation (buyer, identifier, quantity), if Redis holds it. */
    public Optional<StockRecord> record(String itemId, String buyerId, String identifier, long quantity,
                                        StockOperation type) {
        String field = StockKeys.recordField(buyerId, identifier, type == StockOperation.DEDUCT ? -quantity : quantity);
        String value = call("read a stock record", c -> c.hget(keys.records(itemId), field));
        return value == null ? Optional.empty() : Optional.of(parseRecord(field, value));
    }

    /** Lets the stock and the records expire after {@code retention}; true when the stock existed. */
    public boolean invalidate(String itemId, Duration retention) {
        Long reply = call("invalidate the stock", c -> StockScripts.INVALIDATE_SCRIPT.eval(c, ScriptOutputType.INTEGER,
                new String[] {keys.stock(itemId), keys.records(itemId)}, Long.toString(Math.max(1, retention.toMillis()))));
        return reply != null && reply == 1L;
    }

    /**
     * Deletes the item's records written more than {@code maxAgeMillis} before the Redis server's
     * current time, scanning the hash with {@code HSCAN} in batches; returns how many were deleted.
     */
    public long trim(String itemId, long maxAgeMillis) {
        String recordsKey = keys.records(itemId);
        return call("trim stock records", c -> {
            List<String> time = c.time();
            long cutoffMillis = Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000 - maxAgeMillis;
            long deleted = 0;
            ScanCursor cursor = ScanCursor.INITIAL;
            ScanArgs args = ScanArgs.Builder.limit(TRIM_BATCH);
            do {
                MapScanCursor<String, String> page = c.hscan(recordsKey, cursor, args);
                List<String> argv = new ArrayList<>(page.getMap().size() + 1);
                argv.add(Long.toString(cutoffMillis));
                for (String field : page.getMap().keySet()) {
                    if (!field.startsWith("#")) {
                        argv.add(field);
                    }
                }
                if (argv.size() > 1) {
                    Long n = StockScripts.TRIM_SCRIPT.eval(c, ScriptOutputType.INTEGER, new String[] {recordsKey},
                            argv.toArray(String[]::new));
                    deleted += n == null ? 0 : n;
                }
                cursor = page;
            } while (!cursor.isFinished());
            return deleted;
        });
    }

    /**
     * Every operation record of the item (index fields left out), read with {@code HSCAN} in batches: a
     * snapshot per batch, not of the whole hash; for reconciliation, never on the hot path.
     */
    public List<StockRecord> records(String itemId) {
        String recordsKey = keys.records(itemId);
        return call("list stock records", c -> {
            List<StockRecord> records = new ArrayList<>();
            ScanCursor cursor = ScanCursor.INITIAL;
            ScanArgs args = ScanArgs.Builder.limit(TRIM_BATCH);
            do {
                MapScanCursor<String, String> page = c.hscan(recordsKey, cursor, args);
                for (Map.Entry<String, String> entry : page.getMap().entrySet()) {
                    if (!entry.getKey().startsWith("#")) {
                        records.add(parseRecord(entry.getKey(), entry.getValue()));
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
            return records;
        });
    }

    /** Sets the stock to {@code value} only when it is still {@code expected}; true when set. */
    public boolean compareAndSet(String itemId, long expected, long value) {
        Long reply = call("compare and set the stock", c -> StockScripts.COMPARE_AND_SET_SCRIPT.eval(c,
                ScriptOutputType.INTEGER, new String[] {keys.stock(itemId)}, Long.toString(expected), Long.toString(value)));
        return reply != null && reply == 1L;
    }

    /** The Redis server's clock, epoch milliseconds: the clock the records' timestamps come from. */
    public long serverTimeMillis() {
        List<String> time = call("read the server time", c -> c.time());
        return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    }

    /** Announces on the restock channel that {@code itemId} has stock again. */
    public void publishRestock(String itemId) {
        call("publish a restock", c -> c.publish(keys.restockChannel(), itemId));
    }

    /** Runs every call through {@code breaker} (null: none), the application's {@code redis} breaker. */
    public void setBreaker(ServerBreaker breaker) {
        this.breaker = breaker;
    }

    /** The breaker the calls run through, or null. */
    public ServerBreaker breaker() {
        return breaker;
    }

    /** Closes the shared connection (and its client when the connector owns it). */
    @Override
    public void close() {
        connector.close();
    }

    private String[] changeKeys(String itemId) {
        return new String[] {keys.stock(itemId), keys.records(itemId)};
    }

    private static String[] changeArgs(boolean deduction, String buyerId, String identifier, long quantity) {
        return new String[] {StockKeys.recordField(buyerId, identifier, deduction ? -quantity : quantity),
                Long.toString(quantity), identifier, StockKeys.indexField(deduction, identifier)};
    }

    /** Reads {@code "code|before|after|ts"} without regex or split: this runs once per deduction. */
    static long[] toLongs(String reply) {
        if (reply == null) {
            throw new StockUnavailableException("Unexpected reply from the stock script", null);
        }
        long[] out = new long[4];
        int start = 0;
        for (int i = 0; i < 4; i++) {
            int end = i < 3 ? reply.indexOf('|', start) : reply.length();
            if (end < 0) {
                throw new StockUnavailableException("Unexpected reply from the stock script", null);
            }
            try {
                out[i] = Long.parseLong(reply, start, end, 10);
            } catch (NumberFormatException e) {
                throw new StockUnavailableException("Unexpected reply from the stock script", e);
            }
            start = end + 1;
        }
        return out;
    }

    /** Reads a record field ({@code buyer|identifier|±q}) and value ({@code TYPE|before|after|delta|identifier|ts}). */
    static StockRecord parseRecord(String field, String value) {
        String[] parts = value.split("\\|", -1);
        try {
            if (parts.length != 6) {
                throw new IllegalArgumentException("expected 6 parts");
            }
            return new StockRecord(StockOperation.valueOf(parts[0]), field.substring(0, field.indexOf('|')), parts[4],
                    Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]),
                    Long.parseLong(parts[5]));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new StockUnavailableException("A stock record in Redis is malformed", e);
        }
    }

    private <T> T call(String action, java.util.function.Function<RedisClusterCommands<String, String>, T> command) {
        ServerBreaker current = breaker;
        try {
            return current == null ? command.apply(connector.sync())
                    : current.call(() -> command.apply(connector.sync()), RedisFaults::isServerFault);
        } catch (ServerUnavailableException refused) {
            throw refused(action, refused);
        } catch (RedisException e) {
            throw unavailable(action, e);
        }
    }

    /** A call the breaker refused: unavailable, outcome known (nothing ran), with the breaker's Retry-After. */
    private static StockUnavailableException refused(String action, ServerUnavailableException refused) {
        return new StockUnavailableException("Redis breaker open: could not " + action, refused);
    }

    private static StockUnavailableException unavailable(String action, RedisException e) {
        if (e instanceof RedisCommandInterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new StockUnavailableException("Redis could not " + action + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
    }
}
