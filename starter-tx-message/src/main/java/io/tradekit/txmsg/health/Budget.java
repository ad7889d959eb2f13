package io.tradekit.txmsg.health;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The time left to one health check: each broker or name-server call waits at most what remains, so
 * the whole check is bounded by the timeout however many brokers and subscriptions there are.
 */
final class Budget {

    private final long deadlineNanos;
    private final Duration total;

    Budget(Duration total) {
        this.total = total;
        this.deadlineNanos = System.nanoTime() + total.toNanos();
    }

    /**
     * The milliseconds left for the next call (at least 1).
     *
     * @throws TimeoutException when nothing is left: the check answers DOWN instead of going on
     */
    long millisLeft() throws TimeoutException {
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new TimeoutException("the RocketMQ health check ran out of its " + total.toMillis() + " ms");
        }
        return left;
    }
}
