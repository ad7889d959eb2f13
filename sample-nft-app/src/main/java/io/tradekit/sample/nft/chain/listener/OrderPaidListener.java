package io.tradekit.sample.nft.chain.listener;

import io.tradekit.sample.nft.chain.application.ChainCommandService;
import io.tradekit.sample.nft.chain.application.MintNftCommand;
import io.tradekit.sample.nft.order.api.OrderPaidEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mints a paid order's NFTs once the payment's transaction has committed (or at once when the
 * event is published outside a transaction), in a transaction of its own, then seals a block if
 * one is full. Replayed events mint nothing new.
 */
@Component
class OrderPaidListener {

    private static final Logger log = LoggerFactory.getLogger(OrderPaidListener.class);

    private final ChainCommandService commands;

    OrderPaidListener(ChainCommandService commands) {
        this.commands = commands;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onOrderPaid(OrderPaidEvent event) {
        try {
            commands.mint(new MintNftCommand(event.orderId(), event.buyerId(), event.collectionId(),
                    event.quantity(), event.paidAt()));
        } catch (RuntimeException e) {
            // The payment is committed and must not fail for the ledger: log it for a replay
            // (minting is idempotent per order, so replaying the event is always safe).
            log.error("Minting failed for paid order {}; replay its OrderPaidEvent", event.orderId(), e);
            return;
        }
        try {
            commands.sealFullBlocks();
        } catch (RuntimeException e) {
            log.warn("Sealing after the mint of order {} failed; the seal job retries", event.orderId(), e);
        }
    }
}
