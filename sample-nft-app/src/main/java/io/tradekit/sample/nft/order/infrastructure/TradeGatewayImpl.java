package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.core.degrade.ServerUnavailableException;
import io.tradekit.core.error.BizException;
import io.tradekit.remote.RemoteCallException;
import io.tradekit.remote.RemoteCallWrapper;
import io.tradekit.sample.nft.collection.api.CollectionFacade;
import io.tradekit.sample.nft.collection.api.CollectionRefusal;
import io.tradekit.sample.nft.collection.api.GoodsInfo;
import io.tradekit.sample.nft.order.domain.Buyer;
import io.tradekit.sample.nft.order.domain.Goods;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.TradeGateway;
import io.tradekit.sample.nft.user.api.UserFacade;
import io.tradekit.sample.nft.user.api.UserInfo;
import io.tradekit.sample.nft.user.api.UserRefusal;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * {@link TradeGateway} over the user and collection facades, through {@link RemoteCallWrapper}. The sale
 * facts of a collection that is on sale are kept ({@link OnSaleGoods}): they never change, and every buyer
 * of a seckill asks for the same collection; the buyer is read fresh on every buy. A "not
 * found" refusal ({@link UserRefusal}, {@link CollectionRefusal}) is the buyer's problem; any other
 * failure stays a system failure. The collection facade's calls cross to the goods process (split
 * roles) and go through its breaker ({@value #GOODS}): a goods process that is gone answers
 * SERVICE_UNAVAILABLE (503, Retry-After), refused at once while the breaker is open. The user context
 * runs in every role, so its calls have no breaker. A provider answering SERVICE_UNAVAILABLE itself
 * stays a 503 either way.
 */
@Component
class TradeGatewayImpl implements TradeGateway {

    /** The breaker of the goods process's collection facade ({@code tradekit.degrade.servers.goods.*}). */
    static final String GOODS = "goods";

    private final UserFacade users;
    private final CollectionFacade collections;
    private final OnSaleGoods onSale = new OnSaleGoods();

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
            throw UserRefusal.USER_NOT_FOUND.is(e.getRemoteCode())
                    ? new BizException(OrderErrorCode.USER_NOT_ALLOWED) : unavailableOr(e);
        }
        return new Buyer(user.userId(), "FROZEN".equals(user.state()), user.realNameDone());
    }

    @Override
    public Goods goods(long collectionId) {
        return onSale.get(collectionId, this::readGoods);
    }

    private Goods readGoods(long collectionId) {
        GoodsInfo goods;
        try {
            goods = RemoteCallWrapper.call(GOODS, collections::queryGoods, collectionId,
                    "CollectionFacade.queryGoods").getData();
        } catch (RemoteCallException e) {
            throw CollectionRefusal.COLLECTION_NOT_FOUND.is(e.getRemoteCode())
                    ? new BizException(OrderErrorCode.GOODS_NOT_ON_SALE) : unavailableOr(e);
        }
        return new Goods(goods.collectionId(), goods.name(), goods.price(), "ON_SALE".equals(goods.state()),
                goods.saleTime(), goods.bookRequired());
    }

    @Override
    public boolean hasBooked(long collectionId, long userId) {
        try {
            return Boolean.TRUE.equals(RemoteCallWrapper.call(GOODS, id -> collections.hasBooked(id, userId),
                    collectionId, "CollectionFacade.hasBooked").getData());
        } catch (RemoteCallException e) {
            throw unavailableOr(e);
        }
    }

    /**
     * The provider answered SERVICE_UNAVAILABLE (a server it needs is down): kept a 503 for the buyer
     * rather than REMOTE_CALL_FAILED's 500; any other failure unchanged.
     */
    static RuntimeException unavailableOr(RemoteCallException e) {
        ServerUnavailableException unavailable = ServerUnavailableException.find(e);
        return unavailable != null ? unavailable : e;
    }
}
