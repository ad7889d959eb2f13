package io.tradekit.sample.nft.chain;

import io.tradekit.sample.nft.chain.listener.OrderPaidListener;
import io.tradekit.sample.nft.order.api.OrderPaidEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Unique test data and the order context's side of the contract, for the chain's app tests. */
final class ChainTestSupport {

    private ChainTestSupport() {
    }

    /** A random positive id far from anything other test classes use. */
    static long randomId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
    }

    static OrderPaidEvent paidOrder(long buyerId, int quantity) {
        return new OrderPaidEvent(randomId(), buyerId, randomId(), quantity, Instant.ofEpochMilli(1_790_000_000_000L), null);
    }

    /** Publishes the event the way the order context does: inside the payment's transaction. */
    static void publishInTransaction(TransactionTemplate transactions, ApplicationEventPublisher events,
            OrderPaidEvent event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    /** Waits until every paid order handed to the chain so far is minted (or refused). */
    static void awaitMints(OrderPaidListener listener) throws InterruptedException {
        awaitTrue(() -> listener.mintsInFlight() == 0, Duration.ofMinutes(2));
    }

    static int mintedRows(JdbcTemplate jdbc, long orderId) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM chain_transaction WHERE order_id = ?",
                Integer.class, orderId);
        return rows == null ? 0 : rows;
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
