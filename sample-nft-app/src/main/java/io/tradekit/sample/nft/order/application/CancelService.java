package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.OrderRepository;
import io.tradekit.sample.nft.order.domain.OrderState;
import org.springframework.stereotype.Service;

/** The cancel command: the buyer ends an unpaid order and its stock comes back ({@link OrderEnding}). */
@Service
public class CancelService {

    private final OrderRepository orders;
    private final OrderEnding ending;

    public CancelService(OrderRepository orders, OrderEnding ending) {
        this.orders = orders;
        this.ending = ending;
    }

    /** Cancels an unpaid order: the DB change is the local transaction of the cancel message. */
    public void cancel(long buyerId, long orderId) {
        Order order = OwnedOrders.find(orders, buyerId, orderId);
        OwnedOrders.requireWritten(order);
        if (order.state() != OrderState.CREATED) {
            throw new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
        ending.send(order, OrderState.CANCELLED);
    }
}
