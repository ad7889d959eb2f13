package io.tradekit.sample.nft.order.listener;

import io.tradekit.sample.nft.order.application.OrderCreation;
import io.tradekit.sample.nft.order.application.OrderMessages;
import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionOutcome;
import org.springframework.stereotype.Component;

/**
 * Entry of the broker's calls for a buy's create message. Local transaction of a buy: deduct the Redis stock (refused → rollback; a failure of unknown
 * outcome → UNKNOWN), and the check-back asks whether the deduction record exists.
 */
@Component
public class CreateOrderTransaction implements LocalTransactionHandler<OrderMessages.Create> {

    private final OrderCreation creation;

    CreateOrderTransaction(OrderCreation creation) {
        this.creation = creation;
    }

    @Override
    public String scene() {
        return OrderMessages.CREATE_SCENE;
    }

    @Override
    public TransactionOutcome execute(OrderMessages.Create payload) {
        creation.holdStock(payload);
        return TransactionOutcome.COMMIT;
    }

    @Override
    public TransactionOutcome check(OrderMessages.Create payload) {
        return creation.stockHeld(payload) ? TransactionOutcome.COMMIT : TransactionOutcome.ROLLBACK;
    }
}
