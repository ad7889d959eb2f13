package io.tradekit.stock;

/** Hears about every stock operation's outcome, e.g. to count them in Micrometer; must not throw. */
public interface StockObserver {

    /** An observer that does nothing. */
    StockObserver NONE = new StockObserver() {
    };

    /** A deduction was answered (by Redis, or as {@link StockCode#SOLD_OUT} without asking it). */
    default void deducted(StockResult result) {
    }

    /** An increase was answered. */
    default void increased(StockResult result) {
    }
}
