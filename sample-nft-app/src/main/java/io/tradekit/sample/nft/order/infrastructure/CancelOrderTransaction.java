package io.tradekit.sample.nft.order.infrastructure;

import io.tradekit.sample.nft.order.application.OrderMessageService;
import io.tradekit.sample.nft.order.application.OrderMessages;
import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionOutcome;
import org.springframework.stereotype.Component;

/**
 * Local transaction of a cancel or close: the order ends in the database (refused when it is no
 * longer CREATED); the check-back asks whether it ended.
 */
@Component
class CancelOrderTransaction implements LocalTransactionHandler<OrderMessages.Cancel> {

    private final OrderMessageService service;

    CancelOrderTransaction(OrderMessageService service) {
        this.service = service;
    }

    @Override
    public String scene() {
        return OrderMessages.CANCEL_SCENE;
    }

    @Override
    public TransactionOutcome execute(OrderMessages.Cancel payload) {
        service.endOrder(payload);
        return TransactionOutcome.COMMIT;
    }

    @Override
    public TransactionOutcome check(OrderMessages.Cancel payload) {
        return service.orderEnded(payload) ? TransactionOutcome.COMMIT : TransactionOutcome.ROLLBACK;
    }
}
