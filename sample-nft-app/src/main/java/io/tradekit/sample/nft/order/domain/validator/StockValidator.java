package io.tradekit.sample.nft.order.domain.validator;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.StockGateway;

/**
 * The first rule: the sale's stock can still cover the quantity. This instance's sold-out flag answers
 * without any I/O; otherwise one Redis read. So a sold-out sale is refused before the buyer and the
 * collection are read from their databases and before a half message is sent. Not a reservation:
 * the Lua deduction decides.
 */
public class StockValidator implements BuyValidator {

    private final StockGateway stock;

    public StockValidator(StockGateway stock) {
        this.stock = stock;
    }

    @Override
    public BuyContext check(BuyContext context) {
        if (stock.knownSoldOut(context.collectionId(), context.quantity())) {
            throw new BizException(OrderErrorCode.SOLD_OUT);
        }
        long left = stock.cacheStock(context.collectionId());
        if (left < 0) {
            throw new BizException(OrderErrorCode.GOODS_NOT_ON_SALE);
        }
        if (left < context.quantity()) {
            throw new BizException(OrderErrorCode.SOLD_OUT);
        }
        return context;
    }
}
