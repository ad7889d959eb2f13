package io.tradekit.sample.nft.order.domain.validator;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.Buyer;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.TradeGateway;

/** The buyer exists, is not frozen and passed real-name authentication. */
public class UserValidator implements BuyValidator {

    private final TradeGateway gateway;

    public UserValidator(TradeGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public BuyContext check(BuyContext context) {
        Buyer buyer = gateway.buyer(context.buyerId());
        if (buyer.frozen()) {
            throw new BizException(OrderErrorCode.USER_NOT_ALLOWED);
        }
        if (!buyer.realNameDone()) {
            throw new BizException(OrderErrorCode.REAL_NAME_REQUIRED);
        }
        return context.withBuyer(buyer);
    }
}
