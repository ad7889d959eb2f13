package io.tradekit.sample.nft.inventory.domain;

/**
 * What a replayed Redis stock operation of a repair did.
 *
 * @param outcome what happened
 * @param before  the stock before ({@code -1} when refused)
 * @param after   the stock after ({@code -1} when refused)
 */
public record CacheChange(Outcome outcome, long before, long after) {

    /** Applied now, found applied before (the record was there: a replay changes nothing), or refused. */
    public enum Outcome { APPLIED, ALREADY_APPLIED, REFUSED }

    public static CacheChange refused() {
        return new CacheChange(Outcome.REFUSED, -1, -1);
    }
}
