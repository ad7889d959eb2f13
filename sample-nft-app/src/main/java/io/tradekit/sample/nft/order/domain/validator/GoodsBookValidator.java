package io.tradekit.sample.nft.order.domain.validator;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.TradeGateway;

/** When the collection requires a booking, the buyer has one. Runs after {@link GoodsValidator}. */
public class GoodsBookValidator implements BuyValidator {

    private final TradeGateway gateway;

    public GoodsBookValidator(TradeGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public BuyContext check(BuyContext context) {
        if (context.goods() == null) {
            throw new IllegalStateException("GoodsBookValidator must run after GoodsValidator");
        }
        if (context.goods().bookRequired() && !gateway.hasBooked(context.collectionId(), context.buyerId())) {
            throw new BizException(OrderErrorCode.NOT_BOOKED);
        }
        return context;
    }
}
