package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.sample.nft.order.application.OrderMessageService;
import io.tradekit.sample.nft.order.application.OrderMessages;
import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionOutcome;
import org.springframework.stereotype.Component;

/**
 * Local transaction of a buy: deduct the Redis stock (refused → rollback; a failure of unknown
 * outcome → UNKNOWN), and the check-back asks whether the deduction record exists.
 */
@Component
class CreateOrderTransaction implements LocalTransactionHandler<OrderMessages.Create> {

    private final OrderMessageService service;

    CreateOrderTransaction(OrderMessageService service) {
        this.service = service;
    }

    @Override
    public String scene() {
        return OrderMessages.CREATE_SCENE;
    }

    @Override
    public TransactionOutcome execute(OrderMessages.Create payload) {
        service.holdStock(payload);
        return TransactionOutcome.COMMIT;
    }

    @Override
    public TransactionOutcome check(OrderMessages.Create payload) {
        return service.stockHeld(payload) ? TransactionOutcome.COMMIT : TransactionOutcome.ROLLBACK;
    }
}
