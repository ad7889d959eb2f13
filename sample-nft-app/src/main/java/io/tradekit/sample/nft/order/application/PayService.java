package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.core.error.CommonErrorCode;
import io.tradekit.sample.nft.order.api.OrderPaidEvent;
import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.OrderRepository;
import io.tradekit.sample.nft.order.domain.OrderState;
import io.tradekit.sample.nft.order.domain.PayTokenGateway;
import io.tradekit.sample.nft.order.domain.PaymentChannel;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pay command: CREATED → PAID through the payment channel. */
@Service
public class PayService {

    private final OrderRepository orders;
    private final PaymentChannel payments;
    private final PayTokenGateway payTokens;
    private final ApplicationEventPublisher events;

    public PayService(OrderRepository orders, PaymentChannel payments, PayTokenGateway payTokens,
                      ApplicationEventPublisher events) {
        this.orders = orders;
        this.payments = payments;
        this.payTokens = payTokens;
        this.events = events;
    }

    /**
     * Pays an order through the payment channel: CREATED → PAID and the {@link OrderPaidEvent}, in one
     * transaction (the chain context mints after it commits). The pay token is spent only once the order
     * exists: an order still CREATING answers {@code ORDER_NOT_READY} and the same token works for the
     * retry. Paying a paid order again (with a fresh token) answers its state.
     */
    @Transactional
    public OrderView pay(long buyerId, long orderId, String payToken) {
        if (payToken == null || payToken.isBlank()) {
            throw new BizException(CommonErrorCode.PARAM_INVALID, "the Idempotency-Key header must hold a token of scene pay");
        }
        Order order = OwnedOrders.find(orders, buyerId, orderId);
        OwnedOrders.requireWritten(order);
        if (order.state() != OrderState.CREATED && order.state() != OrderState.PAID) {
            throw new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
        payTokens.spend(buyerId, payToken);
        if (order.state() == OrderState.PAID) {
            return OrderQueryService.view(order);
        }
        String payNo = payments.pay(orderId, buyerId, order.amount());
        Instant paidAt = Instant.now();
        if (!orders.transit(orderId, OrderState.CREATED, OrderState.PAID, "PAY", paidAt, payNo)) {
            // Closed or cancelled meanwhile: the mock channel needs no refund; a real one would refund payNo.
            throw new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
        events.publishEvent(new OrderPaidEvent(orderId, buyerId, order.collectionId(), order.quantity(), paidAt,
                order.buyTraceId()));
        return OrderQueryService.view(orders.findById(orderId).orElseThrow());
    }
}
