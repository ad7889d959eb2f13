package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.OrderRepository;
import io.tradekit.sample.nft.order.domain.OrderState;
import io.tradekit.sample.nft.order.domain.StockGateway;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the cancel message that ends an unpaid order ({@link OrderEndMessage}), each called by its
 * entry in {@code order.listener}: local transaction, check-back, consumer.
 */
@Service
public class OrderEnding {

    private final OrderRepository orders;
    private final StockGateway stock;

    public OrderEnding(OrderRepository orders, StockGateway stock) {
        this.orders = orders;
        this.stock = stock;
    }

    /**
     * Local transaction: CREATED → CANCELLED/CLOSED with its flow row, or refused. Bounded well inside the
     * starter's undecided window (tradekit.txmsg.check.undecided-window, 20 s): a check-back that finds the
     * order still CREATED within it is answered UNKNOWN, so it must have ended one way or the other by then.
     */
    @Transactional(timeout = 10)
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
        stock.restoreDb(m.collectionId(), m.orderId(), m.buyerId(), m.identifier(), m.quantity());
        stock.restoreCache(m.collectionId(), m.buyerId(), m.identifier(), m.quantity());
    }
}
