package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderRepository;
import io.tradekit.sample.nft.order.domain.OrderState;
import java.time.Instant;
import org.springframework.stereotype.Service;

/** The close command: orders left unpaid end as CLOSED, the same way as a cancel ({@link OrderEndMessage}). */
@Service
public class CloseUnpaidService {

    private final OrderRepository orders;
    private final OrderEndMessage endMessage;

    public CloseUnpaidService(OrderRepository orders, OrderEndMessage endMessage) {
        this.orders = orders;
        this.endMessage = endMessage;
    }

    /**
     * Closes CREATED orders older than {@code cutoff}.
     *
     * @return how many this call closed
     */
    public int closeUnpaidBefore(Instant cutoff, int limit) {
        int closed = 0;
        for (Order order : orders.findUnpaidBefore(cutoff, limit)) {
            try {
                endMessage.send(order, OrderState.CLOSED);
                closed++;
            } catch (BizException e) {
                // Paid or cancelled between the query and the close: nothing to do.
            }
        }
        return closed;
    }
}
