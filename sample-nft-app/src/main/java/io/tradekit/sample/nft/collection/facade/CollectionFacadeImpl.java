package io.tradekit.sample.nft.collection.facade;

import io.tradekit.core.response.SingleResponse;
import io.tradekit.facade.Facade;
import io.tradekit.sample.nft.collection.api.CollectionFacade;
import io.tradekit.sample.nft.collection.api.GoodsInfo;
import io.tradekit.sample.nft.collection.application.CollectionQueryService;
import org.apache.dubbo.config.annotation.DubboService;

/** {@link CollectionFacade} over the uncached collection reads. */
@DubboService
@Facade
public class CollectionFacadeImpl implements CollectionFacade {

    private final CollectionQueryService queries;

    public CollectionFacadeImpl(CollectionQueryService queries) {
        this.queries = queries;
    }

    @Override
    public SingleResponse<GoodsInfo> queryGoods(Long collectionId) {
        return SingleResponse.of(queries.goods(collectionId));
    }

    @Override
    public SingleResponse<Boolean> hasBooked(Long collectionId, Long userId) {
        return SingleResponse.of(queries.hasBooked(collectionId, userId));
    }
}
