package io.tradekit.sample.nft.order.listener;

import io.tradekit.sample.nft.order.application.OrderCreation;
import io.tradekit.sample.nft.order.application.OrderMessages;
import io.tradekit.txmsg.consumer.DeadLetter;
import io.tradekit.txmsg.consumer.MessageContext;
import io.tradekit.txmsg.consumer.TransactionalMessageConsumer;
import org.springframework.stereotype.Component;

/**
 * Writes the order of an accepted buy: DB stock, inventory flow, order and order flow, in the
 * idempotency guard's transaction (once per message key {@code order-create-<orderId>}). A message
 * that keeps failing ends in the dead-letter hook, which gives the Redis stock back.
 */
@Component
public class OrderCreateListener extends TransactionalMessageConsumer<OrderMessages.Create> {

    /** The consumer group of every instance. */
    public static final String GROUP = "nft-order-create-consumer";

    private final OrderCreation creation;

    public OrderCreateListener(OrderCreation creation) {
        super(OrderMessages.CREATE_TOPIC, GROUP, OrderMessages.Create.class);
        this.creation = creation;
    }

    @Override
    protected void consume(OrderMessages.Create payload, MessageContext context) {
        creation.write(payload);
    }

    @Override
    protected void onDeadLetter(OrderMessages.Create payload, DeadLetter letter) {
        if (payload != null) {
            creation.release(payload);
        }
    }
}
