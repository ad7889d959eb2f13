package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.OrderRepository;
import java.util.List;
import org.springframework.stereotype.Service;

/** Orders read by their buyer; someone else's order is answered as not found. */
@Service
public class OrderQueryService {

    private final OrderRepository orders;

    public OrderQueryService(OrderRepository orders) {
        this.orders = orders;
    }

    public OrderView find(long buyerId, long orderId) {
        return orders.findById(orderId).filter(o -> o.buyerId() == buyerId).map(OrderQueryService::view)
                .orElseThrow(() -> new BizException(OrderErrorCode.ORDER_NOT_FOUND));
    }

    public List<OrderView> mine(long buyerId) {
        return orders.findByBuyer(buyerId, 50).stream().map(OrderQueryService::view).toList();
    }

    static OrderView view(Order o) {
        return new OrderView(Long.toString(o.id()), o.collectionId(), o.collectionName(), o.quantity(), o.unitPrice(),
                o.amount(), o.state().name(), o.createdAt(), o.paidAt());
    }
}
