package io.tradekit.sample.nft.order.listener;

import io.tradekit.sample.nft.order.application.OrderEnding;
import io.tradekit.sample.nft.order.application.OrderMessages;
import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionOutcome;
import org.springframework.stereotype.Component;

/**
 * Entry of the broker's calls for a cancel message. Local transaction of a cancel or close: the order ends in the database (refused when it is no
 * longer CREATED); the check-back asks whether it ended.
 */
@Component
class CancelOrderTransaction implements LocalTransactionHandler<OrderMessages.Cancel> {

    private final OrderEnding ending;

    CancelOrderTransaction(OrderEnding ending) {
        this.ending = ending;
    }

    @Override
    public String scene() {
        return OrderMessages.CANCEL_SCENE;
    }

    @Override
    public TransactionOutcome execute(OrderMessages.Cancel payload) {
        ending.end(payload);
        return TransactionOutcome.COMMIT;
    }

    @Override
    public TransactionOutcome check(OrderMessages.Cancel payload) {
        return ending.ended(payload) ? TransactionOutcome.COMMIT : TransactionOutcome.ROLLBACK;
    }
}
