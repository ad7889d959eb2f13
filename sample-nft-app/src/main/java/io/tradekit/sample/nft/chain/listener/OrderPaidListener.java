package io.tradekit.sample.nft.chain.listener;

import io.tradekit.core.error.BizException;
import io.tradekit.core.trace.TraceId;
import io.tradekit.sample.nft.chain.application.ChainCommandService;
import io.tradekit.sample.nft.chain.application.ChainProperties;
import io.tradekit.sample.nft.chain.application.MintNftCommand;
import io.tradekit.sample.nft.order.api.OrderPaidEvent;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Mints a paid order's NFTs once the payment's transaction has committed (or at once when the
 * event is published outside a transaction), in a transaction of its own, then seals a block if
 * one is full. Replayed events mint nothing new.
 *
 * <p>The mint runs on a small pool of the chain's own, not on the payer's thread: in the
 * after-commit phase the payment's connection is still held, so a {@code REQUIRES_NEW} mint there
 * needs a second connection per request, and as many concurrent payments as the pool has
 * connections starve it (each holds one and waits for another). The pool is not a Spring
 * {@code Executor} bean, so Boot's {@code applicationTaskExecutor} stays as it is.
 */
@Component
public class OrderPaidListener implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OrderPaidListener.class);

    private final ChainCommandService commands;
    private final ThreadPoolTaskExecutor minters = new ThreadPoolTaskExecutor();
    private final AtomicLong inFlight = new AtomicLong();

    OrderPaidListener(ChainCommandService commands, ChainProperties properties) {
        this.commands = commands;
        minters.setThreadNamePrefix("chain-mint-");
        minters.setCorePoolSize(properties.getMintThreads());
        minters.setMaxPoolSize(properties.getMintThreads());
        minters.setQueueCapacity(properties.getMintQueueCapacity());
        // Paid orders already queued are minted before the datasource closes.
        minters.setWaitForTasksToCompleteOnShutdown(true);
        // The mint's log lines carry the trace id of the payment that caused it; none stays on the thread.
        minters.setTaskDecorator(TraceId::wrap);
        minters.setAwaitTerminationSeconds(30);
        minters.initialize();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onOrderPaid(OrderPaidEvent event) {
        inFlight.incrementAndGet();
        try {
            minters.execute(() -> {
                try {
                    mint(event);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            log.error("Mint queue full or closed: order {} is paid but not minted; replay its OrderPaidEvent",
                    event.orderId(), e);
        }
    }

    private void mint(OrderPaidEvent event) {
        // This pool's lines carry the payment's trace id; this one names the buy's, so an operator goes from
        // the HTTP buy to its NFTs (and back) with one id.
        log.info("Minting paid order {} (bought under trace {})", event.orderId(),
                event.buyTraceId() == null ? "unknown" : event.buyTraceId());
        try {
            commands.mint(new MintNftCommand(event.orderId(), event.buyerId(), event.collectionId(),
                    event.quantity(), event.paidAt()));
        } catch (BizException refused) {
            // Replaying cannot help: the event itself is out of range.
            log.error("Paid order {} cannot be minted: {}", event.orderId(), refused.getMessage());
            return;
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

    /** Paid orders handed to the mint pool and not finished yet (for monitoring and tests). */
    public long mintsInFlight() {
        return inFlight.get();
    }

    @Override
    public void destroy() {
        minters.shutdown();
    }
}
