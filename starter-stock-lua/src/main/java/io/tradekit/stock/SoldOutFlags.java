package io.tradekit.stock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * This instance's memory of items Redis said were (nearly) sold out: item id to the stock Redis last
 * reported, so a deduction asking for more fails fast. Entries expire after the TTL; a restock clears
 * them. A reply that raced with a restock never sets a flag: {@link #mark} compares the epoch read
 * before the request with the current one, and every clear moves the epoch of the item's stripe (one
 * of 1,024, so restocks of other items rarely interfere) and {@link #clearAll} moves all of them.
 */
final class SoldOutFlags {

    private final Cache<String, Long> remaining;
    private static final int STRIPES = 1024;

    private final AtomicLongArray epochs = new AtomicLongArray(STRIPES);

    SoldOutFlags(Duration ttl, long maximumSize) {
        // Maintenance on the calling thread, not a pool wake-up per write (see RecentDeductions).
        this.remaining = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maximumSize)
                .executor(Runnable::run).build();
    }

    /** Whether {@code quantity} is more than the stock Redis last reported for a flagged item. */
    boolean soldOut(String itemId, long quantity) {
        Long left = remaining.getIfPresent(itemId);
        return left != null && quantity > left;
    }

    /** The item's epoch to pass to {@link #mark}, read before asking Redis. */
    long epoch(String itemId) {
        return epochs.get(stripe(itemId));
    }

    /** Remembers that Redis reported {@code left} for the item, unless a clear happened since {@code seenEpoch}. */
    void mark(String itemId, long left, long seenEpoch) {
        remaining.asMap().merge(itemId, left, Math::min);
        if (epochs.get(stripe(itemId)) != seenEpoch) {
            remaining.invalidate(itemId);
        }
    }

    /** Forgets the item's flag (it has stock again). */
    void clear(String itemId) {
        epochs.incrementAndGet(stripe(itemId));
        remaining.invalidate(itemId);
    }

    /** Forgets every flag (restock messages may have been missed). */
    void clearAll() {
        for (int i = 0; i < STRIPES; i++) {
            epochs.incrementAndGet(i);
        }
        remaining.invalidateAll();
    }

    private static int stripe(String itemId) {
        return (itemId.hashCode() & 0x7fffffff) % STRIPES;
    }

    /** Whether the item is flagged at all (for tests and diagnostics). */
    boolean isFlagged(String itemId) {
        return remaining.getIfPresent(itemId) != null;
    }
}
