package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.core.error.BizException;
import io.tradekit.remote.RemoteCallException;
import io.tradekit.remote.RemoteCallWrapper;
import io.tradekit.sample.nft.collection.api.CollectionFacade;
import io.tradekit.sample.nft.collection.api.GoodsInfo;
import io.tradekit.sample.nft.order.domain.Buyer;
import io.tradekit.sample.nft.order.domain.Goods;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.TradeGateway;
import io.tradekit.sample.nft.user.api.UserFacade;
import io.tradekit.sample.nft.user.api.UserInfo;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** {@link TradeGateway} over the user and collection facades, through {@link RemoteCallWrapper}. */
@Component
class TradeGatewayImpl implements TradeGateway {

    private final UserFacade users;
    private final CollectionFacade collections;

    TradeGatewayImpl(@Qualifier("userFacade") UserFacade users,
                     @Qualifier("collectionFacade") CollectionFacade collections) {
        this.users = users;
        this.collections = collections;
    }

    @Override
    public Buyer buyer(long userId) {
        UserInfo user;
        try {
            user = RemoteCallWrapper.call(users::query, userId, "UserFacade.query").getData();
        } catch (RemoteCallException e) {
            throw refusedOr(e, "USER_NOT_FOUND", OrderErrorCode.USER_NOT_ALLOWED);
        }
        return new Buyer(user.userId(), "FROZEN".equals(user.state()), user.realNameDone());
    }

    @Override
    public Goods goods(long collectionId) {
        GoodsInfo goods;
        try {
            goods = RemoteCallWrapper.call(collections::queryGoods, collectionId, "CollectionFacade.queryGoods")
                    .getData();
        } catch (RemoteCallException e) {
            throw refusedOr(e, "COLLECTION_NOT_FOUND", OrderErrorCode.GOODS_NOT_ON_SALE);
        }
        return new Goods(goods.collectionId(), goods.name(), goods.price(), "ON_SALE".equals(goods.state()),
                goods.saleTime(), goods.bookRequired());
    }

    @Override
    public boolean hasBooked(long collectionId, long userId) {
        return Boolean.TRUE.equals(RemoteCallWrapper.call(id -> collections.hasBooked(id, userId), collectionId,
                "CollectionFacade.hasBooked").getData());
    }

    /** A "not found" answer is the buyer's problem; anything else stays a system failure. */
    private static RuntimeException refusedOr(RemoteCallException e, String notFound, OrderErrorCode refusal) {
        return notFound.equals(e.getRemoteCode()) ? new BizException(refusal) : e;
    }
}
