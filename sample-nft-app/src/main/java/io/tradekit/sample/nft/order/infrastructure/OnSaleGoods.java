package io.tradekit.sample.nft.order.infrastructure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tradekit.sample.nft.order.domain.Goods;
import java.util.function.LongFunction;

/**
 * The sale facts of collections that are on sale, kept in this process after their first read.
 *
 * <p>Why this cannot sell at an old price or state: a collection's name, price, sale time and booking rule
 * are fixed when it is created, and its state only goes INIT → ON_SALE (the collection context has no
 * other change: {@code CollectionState}, {@code CollectionMapper}). So an ON_SALE answer is final and is
 * kept; any other answer (INIT, not found, a failure) is not, and the next buy reads again. A collection
 * context that ever changes a price or takes a sale back must drop this cache: {@code OnSaleGoodsTest}
 * pins the states it relies on.
 *
 * <p>Why it pays: in a seckill every buyer asks for the same collection; without it each accepted buy
 * made a facade call and a database read for facts that cannot change (issue 17, benchmarks/RESULTS.md).
 * Bounded (collections on sale at once are few; the bound only stops a flood of ids from growing it).
 */
final class OnSaleGoods {

    /** More than the collections any sale runs at once; the least used go first beyond it. */
    static final int MAX_COLLECTIONS = 10_000;

    private final Cache<Long, Goods> onSale = Caffeine.newBuilder().maximumSize(MAX_COLLECTIONS).build();

    /** The kept facts of {@code collectionId}, or {@code read}'s answer, kept when it is on sale. */
    Goods get(long collectionId, LongFunction<Goods> read) {
        Goods kept = onSale.getIfPresent(collectionId);
        if (kept != null) {
            return kept;
        }
        Goods fresh = read.apply(collectionId);
        if (fresh.onSale()) {
            onSale.put(collectionId, fresh);
        }
        return fresh;
    }

    /** How many collections are kept (tests). */
    long size() {
        onSale.cleanUp();
        return onSale.estimatedSize();
    }
}
