package io.tradekit.sample.nft.order.listener;

import io.tradekit.sample.nft.order.application.OrderEnding;
import io.tradekit.sample.nft.order.application.OrderMessages;
import io.tradekit.txmsg.consumer.MessageContext;
import io.tradekit.txmsg.consumer.TransactionalMessageConsumer;
import org.springframework.stereotype.Component;

/** Gives the stock of a cancelled or closed order back: DB stock and flow once, then Redis (idempotent). */
@Component
public class OrderCancelListener extends TransactionalMessageConsumer<OrderMessages.Cancel> {

    /** The consumer group of every instance. */
    public static final String GROUP = "nft-order-cancel-consumer";

    private final OrderEnding ending;

    public OrderCancelListener(OrderEnding ending) {
        super(OrderMessages.CANCEL_TOPIC, GROUP, OrderMessages.Cancel.class);
        this.ending = ending;
    }

    @Override
    protected void consume(OrderMessages.Cancel payload, MessageContext context) {
        ending.restoreStock(payload);
    }
}
