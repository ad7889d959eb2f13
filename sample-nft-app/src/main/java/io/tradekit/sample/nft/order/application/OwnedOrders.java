package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.OrderRepository;

/** The lookups pay and cancel share: the buyer's own order, written by its consumer. */
final class OwnedOrders {

    private OwnedOrders() {
    }

    /** The buyer's order; someone else's is answered as not found. */
    static Order find(OrderRepository orders, long buyerId, long orderId) {
        return orders.findById(orderId).filter(o -> o.buyerId() == buyerId)
                .orElseThrow(() -> new BizException(OrderErrorCode.ORDER_NOT_FOUND));
    }

    /** An order the consumer has not written yet cannot be paid or cancelled: a retryable refusal. */
    static void requireWritten(Order order) {
        if (order.state().beingCreated()) {
            throw new OrderNotReadyException();
        }
    }
}
