package io.tradekit.sample.nft.collection.application;

import com.alicp.jetcache.anno.CacheType;
import com.alicp.jetcache.anno.Cached;
import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.collection.api.GoodsInfo;
import io.tradekit.sample.nft.collection.domain.Collection;
import io.tradekit.sample.nft.collection.domain.CollectionErrorCode;
import io.tradekit.sample.nft.collection.domain.CollectionRepository;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Reads collections: cached views for browsing; {@link #goods} and {@link #hasBooked} from the
 * database for the buy path, so a stale entry can never sell at an old price or state (the order context
 * keeps only ON_SALE answers, which are final: {@code OnSaleGoods}).
 */
@Service
public class CollectionQueryService {

    /** The JetCache area of collection details. */
    public static final String CACHE = "sample:collection:";

    private final CollectionRepository collections;

    public CollectionQueryService(CollectionRepository collections) {
        this.collections = collections;
    }

    /** One collection, cached in both levels; invalidated when it opens. */
    @Cached(name = CACHE, key = "#collectionId", expire = 300, cacheType = CacheType.BOTH)
    public CollectionView detail(long collectionId) {
        return view(load(collectionId));
    }

    /** A page of collections, newest first; cached briefly (lists are not invalidated one by one). */
    @Cached(name = "sample:collections:", key = "#page + ':' + #size", expire = 10, cacheType = CacheType.BOTH)
    public List<CollectionView> list(int page, int size) {
        if (page < 1 || page > 10_000 || size < 1 || size > 100) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "page must be 1-10000 and size 1-100");
        }
        return collections.list(page, size).stream().map(CollectionQueryService::view).toList();
    }

    /** The current sale facts from the database. */
    public GoodsInfo goods(long collectionId) {
        Collection c = load(collectionId);
        return new GoodsInfo(c.id(), c.name(), c.price(), c.state().name(), c.saleTime(), c.bookRequired());
    }

    /** Whether the user booked the collection (database). */
    public boolean hasBooked(long collectionId, long userId) {
        return collections.hasBooked(collectionId, userId);
    }

    private Collection load(long collectionId) {
        return collections.findById(collectionId)
                .orElseThrow(() -> new BizException(CollectionErrorCode.COLLECTION_NOT_FOUND));
    }

    private static CollectionView view(Collection c) {
        return new CollectionView(c.id(), c.name(), c.cover(), c.price(), c.quantity(), c.saleTime(),
                c.bookRequired(), c.state().name());
    }
}
