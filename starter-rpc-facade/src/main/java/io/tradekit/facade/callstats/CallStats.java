package io.tradekit.facade.callstats;

/**
 * The statistics of one facade method or remote call, as the {@code callstats} endpoint shows them.
 *
 * @param name        {@code Service.method} for a facade method, the call name for a remote call
 * @param count       calls since start
 * @param successes   calls that answered success
 * @param successRate {@code successes / count}, 0 to 1
 * @param averageMs   mean duration in milliseconds, since start
 * @param p99Ms       99th percentile in milliseconds, the upper bound of the histogram bucket holding it
 *                    (so at most one bucket above the true value), over what the registry's histogram
 *                    holds; {@code null} when the histogram holds no call (e.g. none in the recent window)
 */
public record CallStats(String name, long count, long successes, double successRate, double averageMs, Double p99Ms) {
}
