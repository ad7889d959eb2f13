package io.tradekit.sample.nft.order.application;

import io.tradekit.core.trace.TraceId;
import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderRepository;
import io.tradekit.sample.nft.order.domain.OrderState;
import io.tradekit.sample.nft.order.domain.StockGateway;
import java.math.BigDecimal;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of the create message a buy sends ({@link BuyService}), each called by its entry in
 * {@code order.listener}: local transaction, check-back, consumer, dead letter.
 */
@Service
public class OrderCreation {

    private static final Logger log = LoggerFactory.getLogger(OrderCreation.class);

    private final OrderRepository orders;
    private final StockGateway stock;

    public OrderCreation(OrderRepository orders, StockGateway stock) {
        this.orders = orders;
        this.stock = stock;
    }

    /**
     * Local transaction: the Redis deduction (a business exception: nothing changed), then the accepted
     * order recorded as CREATING so its buyer can read it at once. The record is a convenience of the
     * read side: when it cannot be written the buy still commits, and the consumer writes the order.
     */
    public void holdStock(OrderMessages.Create message) {
        stock.deductCache(message.collectionId(), message.buyerId(), message.identifier(), message.quantity());
        try {
            orders.insert(order(message, OrderState.CREATING), "ACCEPT");
        } catch (RuntimeException e) {
            log.warn("Order {} accepted but not recorded as CREATING ({}); its consumer writes it",
                    message.orderId(), e.getClass().getSimpleName());
        }
    }

    /** Check-back: did the Redis deduction happen? */
    public boolean stockHeld(OrderMessages.Create message) {
        return stock.cacheDeducted(message.collectionId(), message.identifier());
    }

    /**
     * Consumer, in the consumer guard's transaction: DB stock and inventory flow, then the accepted order
     * CREATING → CREATED (or inserted CREATED when the buy could not record it). Everything is once per
     * order even without the guard.
     */
    @Transactional
    public void write(OrderMessages.Create m) {
        stock.deductDb(m.collectionId(), m.orderId(), m.buyerId(), m.identifier(), m.quantity());
        Instant now = Instant.now();
        if (orders.transit(m.orderId(), OrderState.CREATING, OrderState.CREATED, "CREATE", now, null)
                || orders.insert(order(m, OrderState.CREATED), "CREATE")) {
            return;
        }
        // The buy's CREATING record was written meanwhile (a check-back raced a slow local transaction),
        // or this is a replay of a written order: promote the former, leave the latter.
        orders.transit(m.orderId(), OrderState.CREATING, OrderState.CREATED, "CREATE", now, null);
    }

    /** Dead letter: the order will never be written: CREATING → FAILED and the Redis stock back. */
    @Transactional
    public void release(OrderMessages.Create m) {
        orders.transit(m.orderId(), OrderState.CREATING, OrderState.FAILED, "FAIL", Instant.now(), null);
        stock.restoreCache(m.collectionId(), m.buyerId(), m.identifier(), m.quantity());
    }

    private static Order order(OrderMessages.Create m, OrderState state) {
        BigDecimal amount = m.unitPrice().multiply(BigDecimal.valueOf(m.quantity()));
        return new Order(m.orderId(), m.buyerId(), m.collectionId(), m.collectionName(), m.quantity(), m.unitPrice(),
                amount, m.identifier(), state, null, Instant.ofEpochMilli(m.createdAt()), null,
                // The buy's id: on the buyer's thread in the local transaction, restored from the message
                // (tradekit-trace-id) in the consumer and the check-back.
                TraceId.current());
    }
}
