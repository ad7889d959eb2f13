package io.tradekit.sample.nft.inventory.domain;

/**
 * Whether Redis stock deductions may run: closed after Redis restarted (its append-only file may have
 * lost the last second of deductions, so its stock may count units that are sold), until the
 * reconciliation has repaired it. Refusing then is what keeps a unit from being sold twice.
 */
public interface StockFence {

    /** Whether a deduction may run now; false while fenced, or while Redis cannot tell (fail closed). */
    boolean deductionsAllowed();

    /** A Redis call failed: check again before the next deduction (the server may have restarted). */
    void suspect();

    /** Since when this instance sees Redis restarted and not repaired; empty when it does not. */
    java.util.Optional<java.time.Instant> fencedSince();

    /** Which Redis server process(es) run now (their run ids), as of the last check. */
    String serverIdentity();

    /**
     * Opens the fence for every instance: the stock of the Redis {@code repairedOn} is repaired. Nothing
     * happens (false) if that Redis is no longer the one running.
     */
    boolean lift(String repairedOn);
}
