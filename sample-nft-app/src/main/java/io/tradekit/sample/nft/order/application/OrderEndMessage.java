package io.tradekit.sample.nft.order.application;

import io.tradekit.core.error.BizException;
import io.tradekit.sample.nft.order.domain.Order;
import io.tradekit.sample.nft.order.domain.OrderErrorCode;
import io.tradekit.sample.nft.order.domain.OrderState;
import io.tradekit.txmsg.TransactionOutcome;
import io.tradekit.txmsg.TransactionalMessageTemplate;
import io.tradekit.txmsg.TransactionalSendResult;
import org.springframework.stereotype.Component;

/**
 * Sends the cancel message of {@link CancelService} and {@link CloseUnpaidService}; its local transaction
 * ({@link OrderEnding#end}) ends the order. Apart from {@link OrderEnding} because the message template
 * needs the handlers that call OrderEnding.
 */
@Component
class OrderEndMessage {

    private final TransactionalMessageTemplate messages;

    OrderEndMessage(TransactionalMessageTemplate messages) {
        this.messages = messages;
    }

    /** Ends the order as {@code to}; refused ({@code ORDER_STATE_CHANGED}) when it is no longer CREATED. */
    void send(Order order, OrderState to) {
        OrderMessages.Cancel payload = new OrderMessages.Cancel(order.id(), order.buyerId(), order.collectionId(),
                order.quantity(), order.identifier(), to.name());
        TransactionalSendResult sent = messages.send(OrderMessages.CANCEL_TOPIC, OrderMessages.CANCEL_SCENE,
                "order-cancel-" + order.id(), payload);
        if (sent.localOutcome() == TransactionOutcome.ROLLBACK) {
            throw sent.localFailure() instanceof BizException refused ? refused
                    : new BizException(OrderErrorCode.ORDER_STATE_CHANGED);
        }
    }
}
