package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.OrderRepository;
import io.tradekit.sample.nft.order.domain.OrderState;
import io.tradekit.sample.nft.order.domain.StockGateway;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The work behind the order messages: local transactions, check-backs, consumers and dead letters. */
@Service
public class OrderMessageService {

    private final OrderRepository orders;
    private final StockGateway stock;

    public OrderMessageService(OrderRepository orders, StockGateway stock) {
        this.orders = orders;
        this.stock = stock;
    }

    /** Create's local transaction: the Redis deduction (a business exception: nothing changed). */
    public void holdStock(OrderMessages.Create message) {
        stock.deductCache(message.collectionId(), message.buyerId(), message.identifier(), message.quantity());
    }

    /** Create's check-back: did the Redis deduction happen? */
    public boolean stockHeld(OrderMessages.Create message) {
        return stock.cacheDeducted(message.collectionId(), message.identifier());
    }

    /**
     * Create's consumer, in the consumer guard's transaction: DB stock and inventory flow, then the
     * order and its first flow row. Everything is once per order even without the guard.
     */
    @Transactional
    public void createOrder(OrderMessages.Create m) {
        stock.deductDb(m.collectionId(), m.orderId(), m.identifier(), m.quantity());
        BigDecimal amount = m.unitPrice().multiply(BigDecimal.valueOf(m.quantity()));
        orders.insert(new Order(m.orderId(), m.buyerId(), m.collectionId(), m.collectionName(), m.quantity(),
                m.unitPrice(), amount, m.identifier(), OrderState.CREATED, null, Instant.ofEpochMilli(m.createdAt()),
                null));
    }

    /** Create's dead letter: the order will never be written, so the Redis stock goes back. */
    public void releaseStock(OrderMessages.Create m) {
        stock.restoreCache(m.collectionId(), m.buyerId(), m.identifier(), m.quantity());
    }

    /** Cancel's local transaction: CREATED → CANCELLED/CLOSED with its flow row, or refused. */
    @Transactional
    public void endOrder(OrderMessages.Cancel m) {
        OrderState to = OrderState.valueOf(m.to());
        if (!orders.transit(m.orderId(), OrderState.CREATED, to, to == OrderState.CLOSED ? "TIMEOUT" : "CANCEL",
                Instant.now(), null)) {
            throw new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
    }

    /** Cancel's check-back: did the order end? */
    public boolean orderEnded(OrderMessages.Cancel m) {
        Optional<Order> order = orders.findById(m.orderId());
        return order.isPresent() && order.get().state().ended();
    }

    /** Cancel's consumer, in the guard's transaction: DB stock back once, then Redis stock back (idempotent). */
    @Transactional
    public void restoreStock(OrderMessages.Cancel m) {
        stock.restoreDb(m.collectionId(), m.orderId(), m.identifier(), m.quantity());
        stock.restoreCache(m.collectionId(), m.buyerId(), m.identifier(), m.quantity());
    }
}
