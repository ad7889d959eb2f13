package io.tradekit.sample.nft.order.domain.validator;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.Goods;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.TradeGateway;

/** The collection is on sale, its sale time has come, and its price is the one the buyer saw. */
public class GoodsValidator implements BuyValidator {

    private final TradeGateway gateway;

    public GoodsValidator(TradeGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public BuyContext check(BuyContext context) {
        Goods goods = gateway.goods(context.collectionId());
        if (!goods.onSale()) {
            throw new BizException(OrderErrorCode.GOODS_NOT_ON_SALE);
        }
        if (context.now().isBefore(goods.saleTime())) {
            throw new BizException(OrderErrorCode.SALE_NOT_STARTED);
        }
        if (context.expectedPrice() == null || goods.price().compareTo(context.expectedPrice()) != 0) {
            throw new BizException(OrderErrorCode.PRICE_CHANGED);
        }
        return context.withGoods(goods);
    }
}
