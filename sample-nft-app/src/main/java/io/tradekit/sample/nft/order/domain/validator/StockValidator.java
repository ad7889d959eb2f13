package io.tradekit.sample.nft.order.domain.validator;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.StockGateway;

/**
 * A cheap pre-check that the Redis stock can still cover the quantity, so a sold-out sale refuses
 * before a half message is sent. Not a reservation: the Lua deduction decides.
 */
public class StockValidator extends BuyValidator {

    private final StockGateway stock;

    public StockValidator(StockGateway stock) {
        this.stock = stock;
    }

    @Override
    protected void check(BuyContext context) {
        long left = stock.cacheStock(context.collectionId());
        if (left < 0) {
            throw new BizException(OrderErrorCode.GOODS_NOT_ON_SALE);
        }
        if (left < context.quantity()) {
            throw new BizException(OrderErrorCode.SOLD_OUT);
        }
    }
}
