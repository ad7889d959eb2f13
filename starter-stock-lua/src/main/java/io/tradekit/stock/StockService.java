package io.tradekit.stock;

import io.tradekit.core.log.LogSanitizer;
import io.tradekit.stock.redis.RestockChannel;
import io.tradekit.stock.redis.StockRedis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Seckill stock in Redis: every change is one Lua script that checks the operation record (a replay
 * returns the first result and changes nothing), changes the stock or refuses, and appends the record.
 *
 * <p>With a sold-out TTL above zero, an instance that learnt from Redis that an item cannot serve a
 * quantity answers {@link StockCode#SOLD_OUT} without asking Redis until the TTL passes or any
 * instance restocks the item ({@link #init}, {@link #increase}), which is announced on a Redis
 * pub/sub channel. The flag does not refuse a deduction this instance recently applied, or sent
 * without learning the outcome (a 2 MiB table of recent fingerprints): those go to Redis, which
 * answers a replay with its first result. A retry that may have been applied by another process
 * goes through {@link #retryDeduct}, which always asks Redis. Redis failures throw
 * {@link StockUnavailableException}: the outcome is then unknown; retry with the same command, or
 * read {@link #record(StockCommand, StockOperation)}.
 */
public class StockService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StockService.class);
    /** 65,536 buckets of four fingerprints (2 MiB): see {@link RecentDeductions}. */
    private static final int RECENT_BUCKETS = 1 << 16;

    private final StockRedis redis;
    private final Duration retention;
    private final StockObserver observer;
    private final SoldOutFlags flags;
    private final RecentDeductions recent;
    private final RestockChannel restocks;

    /**
     * Creates the service.
     *
     * @param redis      the script executor
     * @param soldOutTtl how long a local sold-out flag lives; {@link Duration#ZERO} turns flags off
     * @param retention  how long stock and records live after {@link #invalidate}
     * @param retryDelay the pause between two failed subscriptions to the restock channel
     * @param observer   hears every outcome
     */
    public StockService(StockRedis redis, Duration soldOutTtl, Duration retention, Duration retryDelay,
                        StockObserver observer) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.observer = Objects.requireNonNull(observer, "observer");
        if (soldOutTtl.isZero() || soldOutTtl.isNegative()) {
            this.flags = null;
            this.recent = null;
            this.restocks = null;
        } else {
            this.flags = new SoldOutFlags(soldOutTtl, 100_000);
            this.recent = new RecentDeductions(RECENT_BUCKETS);
            this.restocks = new RestockChannel(redis.connector(), redis.keys(), flags::clear, flags::clearAll,
                    retryDelay);
        }
    }

    /**
     * Sets an item's stock unless it already has one (atomic, {@code SET NX}).
     *
     * @param itemId   the item
     * @param quantity 0 to {@link StockIds#MAX_STOCK}
     * @return true when set, false when a live stock was left as it is
     */
    public boolean init(String itemId, long quantity) {
        return init(itemId, quantity, false);
    }

    /**
     * Sets an item's stock, replacing a live one when {@code overwrite}; removes any expiry left by
     * {@link #invalidate}. A stock above zero clears the sold-out flag on every instance.
     *
     * @return true when set
     */
    public boolean init(String itemId, long quantity, boolean overwrite) {
        StockIds.check("itemId", itemId);
        StockIds.checkQuantity("quantity", quantity, 0, StockIds.MAX_STOCK);
        boolean set = redis.init(itemId, quantity, overwrite);
        if (set && quantity > 0) {
            announceRestock(itemId);
        }
        return set;
    }

    /**
     * Deducts the command's quantity, at most once per buyer, identifier and quantity. On an item this
     * instance flags as sold out, answers {@link StockCode#SOLD_OUT} without asking Redis, unless this
     * instance recently applied (or may have applied) the same command.
     */
    public StockResult deduct(StockCommand command) {
        return deduct(command, false);
    }

    /**
     * Deducts a command that may already have been applied by any instance (a redelivered message, a
     * resubmitted order, a retry after {@link StockUnavailableException} elsewhere): as {@link #deduct}
     * but never answered by the sold-out flag, so a replay gets its first result. One Redis call even
     * when the item is flagged: use it for retries only.
     */
    public StockResult retryDeduct(StockCommand command) {
        return deduct(command, true);
    }

    private StockResult deduct(StockCommand command, boolean retry) {
        Objects.requireNonNull(command, "command");
        if (!retry && failsFast(command)) {
            return fastFail();
        }
        long epoch = flags == null ? 0 : flags.epoch(command.itemId());
        boolean canFlag = restocks != null && restocks.ensureSubscribed();
        long[] reply;
        try {
            reply = redis.change(true, command.itemId(), command.buyerId(), command.identifier(), command.quantity());
        } catch (StockUnavailableException e) {
            rememberUnknown(command);
            throw e;
        }
        return deducted(command, reply, canFlag, epoch);
    }

    /**
     * Deducts without blocking the caller (many calls share the connection's pipeline); the same
     * semantics as {@link #deduct}. A Redis failure completes the stage with a {@link StockUnavailableException}.
     */
    public CompletionStage<StockResult> deductAsync(StockCommand command) {
        Objects.requireNonNull(command, "command");
        if (failsFast(command)) {
            return CompletableFuture.completedFuture(fastFail());
        }
        long epoch = flags == null ? 0 : flags.epoch(command.itemId());
        boolean canFlag = restocks != null && restocks.ensureSubscribed();
        try {
            return redis.changeAsync(true, command.itemId(), command.buyerId(), command.identifier(), command.quantity())
                    .handle((reply, error) -> {
                        if (error != null) {
                            rememberUnknown(command);
                            throw error instanceof CompletionException c ? c : new CompletionException(error);
                        }
                        return deducted(command, reply, canFlag, epoch);
                    });
        } catch (StockUnavailableException e) {
            rememberUnknown(command);
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Gives the command's quantity back (cancel, refund), at most once per buyer, identifier and
     * quantity; a deduction and an increase with the same identifier are different operations.
     * Never creates a missing stock. A success clears the sold-out flag on every instance.
     */
    public StockResult increase(StockCommand command) {
        Objects.requireNonNull(command, "command");
        StockResult result = toResult(redis.change(false, command.itemId(), command.buyerId(), command.identifier(),
                command.quantity()));
        observer.increased(result);
        if (result.success() && !result.replay() && result.after() > 0) {
            announceRestock(command.itemId());
        }
        return result;
    }

    /**
     * The item's stock in Redis, empty when it has none. A stock of zero flags the item sold out on
     * this instance (as a refused deduction does), so an instance that only ever reads the stock
     * before deducting learns the sell-out too and answers {@link #knownSoldOut} from memory.
     */
    public OptionalLong get(String itemId) {
        StockIds.check("itemId", itemId);
        long epoch = flags == null ? 0 : flags.epoch(itemId);
        boolean canFlag = restocks != null && restocks.ensureSubscribed();
        Long value = redis.get(itemId);
        if (value == null) {
            return OptionalLong.empty();
        }
        // Only an item not flagged yet: mark() drops a flag when a clear moved the stripe's epoch meanwhile,
        // and a flag that deductions set must not be dropped by a read racing a restock of another item.
        if (canFlag && value == 0 && !flags.isFlagged(itemId)) {
            flags.mark(itemId, 0, epoch);
        }
        return OptionalLong.of(value);
    }

    /**
     * Whether this instance knows, without asking Redis, that the item cannot serve {@code quantity}:
     * Redis reported less (a refused deduction, the deduction that took the last unit, or a read of
     * zero) and no restock happened since, on any instance. No I/O: a caller can refuse a late buyer
     * before any other work. False when flags are off or nothing is known (then ask Redis).
     */
    public boolean knownSoldOut(String itemId, long quantity) {
        return flags != null && flags.soldOut(itemId, quantity);
    }

    /**
     * The deduction record of an identifier: present exactly when a deduction with it was applied
     * (what a transactional-message check-back asks). Assumes one operation per identifier and item
     * (an order token): with several buyers or quantities on one identifier, the latest. When the
     * check-back knows the whole command, {@link #record(StockCommand, StockOperation)} is exact.
     */
    public Optional<StockRecord> record(String itemId, String identifier) {
        return record(itemId, identifier, StockOperation.DEDUCT);
    }

    /** The deduction or increase record of an identifier (the latest, as {@link #record(String, String)}). */
    public Optional<StockRecord> record(String itemId, String identifier, StockOperation type) {
        StockIds.check("itemId", itemId);
        StockIds.check("identifier", identifier);
        return redis.record(itemId, identifier, Objects.requireNonNull(type, "type"));
    }

    /**
     * The record of exactly this command's deduction or increase (buyer, identifier and quantity all
     * match): present exactly when that operation was applied, whatever else used the identifier.
     */
    public Optional<StockRecord> record(StockCommand command, StockOperation type) {
        Objects.requireNonNull(command, "command");
        return redis.record(command.itemId(), command.buyerId(), command.identifier(), command.quantity(),
                Objects.requireNonNull(type, "type"));
    }

    /**
     * Ends a sale: the stock and the records expire after the retention. Until then deductions still
     * work on the remaining stock and records still answer check-backs.
     *
     * @return true when the item had a stock
     */
    public boolean invalidate(String itemId) {
        StockIds.check("itemId", itemId);
        return redis.invalidate(itemId, retention);
    }

    /**
     * Deletes the item's records at least {@code maxAge} old (by Redis time), for long sales: a replay of
     * a trimmed operation is no longer recognised, so keep {@code maxAge} above every retry window.
     *
     * @return how many records were deleted
     */
    public long trimRecords(String itemId, Duration maxAge) {
        StockIds.check("itemId", itemId);
        if (maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must be zero or more");
        }
        return redis.trim(itemId, maxAge.toMillis());
    }

    /**
     * Every operation record the item holds in Redis (deductions and increases), for a reconciliation
     * that compares them with another source of truth. Reads the whole hash in {@code HSCAN} batches: a
     * repair tool, not a hot path; a record written during the scan may or may not be in the list.
     */
    public java.util.List<StockRecord> records(String itemId) {
        StockIds.check("itemId", itemId);
        return redis.records(itemId);
    }

    /**
     * Sets the item's stock to {@code value} only if it is still {@code expected} (one script): a repair
     * that computed {@code value} from a snapshot taken at {@code expected} writes nothing when any
     * deduction or increase happened since. A value above zero clears the sold-out flag everywhere.
     *
     * @return true when set
     */
    public boolean compareAndSetStock(String itemId, long expected, long value) {
        StockIds.check("itemId", itemId);
        StockIds.checkQuantity("value", value, 0, StockIds.MAX_STOCK);
        boolean set = redis.compareAndSet(itemId, expected, value);
        if (set && value > 0) {
            announceRestock(itemId);
        }
        return set;
    }

    /** The Redis server's clock in epoch milliseconds, the clock of {@link StockRecord#timestamp()}. */
    public long serverTimeMillis() {
        return redis.serverTimeMillis();
    }

    /** Whether this instance currently fails deductions of the item fast (for diagnostics). */
    public boolean isFlaggedSoldOut(String itemId) {
        return flags != null && flags.isFlagged(itemId);
    }

    /** Closes the restock subscription; the shared connection belongs to {@link StockRedis}. */
    @Override
    public void close() {
        if (restocks != null) {
            restocks.close();
        }
    }

    private boolean failsFast(StockCommand command) {
        return flags != null && flags.soldOut(command.itemId(), command.quantity()) && !recent.contains(command);
    }

    private void rememberUnknown(StockCommand command) {
        if (recent != null) {
            recent.remember(command);
        }
    }

    private StockResult fastFail() {
        StockResult result = StockResult.failure(StockCode.SOLD_OUT, -1);
        observer.deducted(result);
        return result;
    }

    private StockResult deducted(StockCommand command, long[] reply, boolean canFlag, long epoch) {
        StockResult result = toResult(reply);
        if (recent != null && result.success()) {
            recent.remember(command);
        }
        if (canFlag) {
            if (result.code() == StockCode.NOT_ENOUGH) {
                flags.mark(command.itemId(), result.before(), epoch);
            } else if (result.success() && !result.replay() && result.after() == 0) {
                flags.mark(command.itemId(), 0, epoch);
            }
        }
        observer.deducted(result);
        return result;
    }

    private void announceRestock(String itemId) {
        if (flags != null) {
            flags.clear(itemId);
        }
        try {
            redis.publishRestock(itemId);
        } catch (StockUnavailableException e) {
            log.warn("Restock of item {} applied but not announced; other instances' sold-out flags expire by TTL: {}",
                    LogSanitizer.escape(itemId), LogSanitizer.escape(e.getMessage()));
        }
    }

    private static StockResult toResult(long[] r) {
        return switch ((int) r[0]) {
            case 0 -> new StockResult(true, StockCode.SUCCESS, r[1], r[2], false, r[3]);
            case 1 -> new StockResult(true, StockCode.SUCCESS, r[1], r[2], true, r[3]);
            case 2 -> StockResult.failure(StockCode.STOCK_MISSING, -1);
            case 3 -> StockResult.failure(StockCode.NOT_ENOUGH, r[1]);
            case 4 -> StockResult.failure(StockCode.STOCK_CORRUPT, -1);
            default -> throw new StockUnavailableException("Unknown stock script code " + r[0], null);
        };
    }
}
