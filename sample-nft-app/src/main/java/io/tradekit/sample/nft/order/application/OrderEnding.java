package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.OrderRepository;
import io.tradekit.sample.nft.order.domain.OrderState;
import io.tradekit.sample.nft.order.domain.StockGateway;
import io.tradekit.txmsg.TransactionOutcome;
import io.tradekit.txmsg.TransactionalMessageTemplate;
import io.tradekit.txmsg.TransactionalSendResult;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cancel message that ends an unpaid order ({@link CancelService}, {@link CloseUnpaidService}) and
 * its steps, each called by its entry in {@code order.listener}: local transaction, check-back, consumer.
 */
@Service
public class OrderEnding {

    private final OrderRepository orders;
    private final StockGateway stock;
    private final TransactionalMessageTemplate messages;

    public OrderEnding(OrderRepository orders, StockGateway stock, TransactionalMessageTemplate messages) {
        this.orders = orders;
        this.stock = stock;
        this.messages = messages;
    }

    /** Sends the cancel message; its local transaction ends the order, refused when no longer CREATED. */
    public void send(Order order, OrderState to) {
        OrderMessages.Cancel payload = new OrderMessages.Cancel(order.id(), order.buyerId(), order.collectionId(),
                order.quantity(), order.identifier(), to.name());
        TransactionalSendResult sent = messages.send(OrderMessages.CANCEL_TOPIC, OrderMessages.CANCEL_SCENE,
                "order-cancel-" + order.id(), payload);
        if (sent.localOutcome() == TransactionOutcome.ROLLBACK) {
            throw sent.localFailure() instanceof BizException refused ? refused
                    : new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
    }

    /** Local transaction: CREATED → CANCELLED/CLOSED with its flow row, or refused. */
    @Transactional
    public void end(OrderMessages.Cancel m) {
        OrderState to = OrderState.valueOf(m.to());
        if (!orders.transit(m.orderId(), OrderState.CREATED, to, to == OrderState.CLOSED ? "TIMEOUT" : "CANCEL",
                Instant.now(), null)) {
            throw new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
    }

    /** Check-back: did the order end? */
    public boolean ended(OrderMessages.Cancel m) {
        return orders.findById(m.orderId()).map(o -> o.state().ended()).orElse(false);
    }

    /** Consumer, in the guard's transaction: DB stock back once, then Redis stock back (idempotent). */
    @Transactional
    public void restoreStock(OrderMessages.Cancel m) {
        stock.restoreDb(m.collectionId(), m.orderId(), m.identifier(), m.quantity());
        stock.restoreCache(m.collectionId(), m.buyerId(), m.identifier(), m.quantity());
    }
}
