package io.tradekit.stock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;

/**
 * The deductions this instance applied, or sent without learning the outcome (a Redis failure),
 * within the retry window: the only commands whose replay the sold-out flag could refuse wrongly.
 * A command remembered here bypasses the flag and asks Redis, which answers its first result.
 * Only successes and unknown outcomes are remembered, so the size follows the stock sold through
 * this instance, not the number of requests; the {@link StockCommand} itself is the key (it is the
 * record's identity: item, buyer, identifier, quantity), so a lookup allocates nothing.
 */
final class RecentDeductions {

    private final Cache<StockCommand, Boolean> commands;

    RecentDeductions(Duration window, long maximumSize) {
        this.commands = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(maximumSize).build();
    }

    /** Remembers a command that was, or may have been, applied. */
    void remember(StockCommand command) {
        commands.put(command, Boolean.TRUE);
    }

    /** Whether this instance applied, or may have applied, the command within the window. */
    boolean contains(StockCommand command) {
        return commands.getIfPresent(command) != null;
    }
}
