package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.OrderRepository;
import io.tradekit.sample.nft.order.domain.OrderState;
import org.springframework.stereotype.Service;

/** The cancel command: the buyer ends an unpaid order and its stock comes back ({@link OrderEndMessage}). */
@Service
public class CancelService {

    private final OrderRepository orders;
    private final OrderEndMessage endMessage;

    public CancelService(OrderRepository orders, OrderEndMessage endMessage) {
        this.orders = orders;
        this.endMessage = endMessage;
    }

    /** Cancels an unpaid order: the DB change is the local transaction of the cancel message. */
    public void cancel(long buyerId, long orderId) {
        Order order = OwnedOrders.find(orders, buyerId, orderId);
        OwnedOrders.requireWritten(order);
        if (order.state() != OrderState.CREATED) {
            throw new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
        endMessage.send(order, OrderState.CANCELLED);
    }
}
