package io.tradekit.benchmarks.txmsg;

import io.tradekit.txmsg.LocalTransactionHandler;
import io.tradekit.txmsg.TransactionOutcome;
import io.tradekit.txmsg.consumer.IdempotencyStore;
import io.tradekit.txmsg.consumer.MessageContext;
import io.tradekit.txmsg.consumer.TransactionalMessageConsumer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The benchmark's local transaction, consumer and idempotency store: as little work as possible. */
final class BenchHandlers {

    static final String SCENE = "BENCH_ORDER";

    private BenchHandlers() {
    }

    /** Commits at once and remembers the order, so a check-back answers from the real state. */
    static final class CommitHandler implements LocalTransactionHandler<BenchOrder> {

        final Set<String> committed = ConcurrentHashMap.newKeySet();
        final AtomicLong checks = new AtomicLong();

        @Override
        public String scene() {
            return SCENE;
        }

        @Override
        public TransactionOutcome execute(BenchOrder payload) {
            committed.add(payload.orderId());
            return TransactionOutcome.COMMIT;
        }

        @Override
        public TransactionOutcome check(BenchOrder payload) {
            checks.incrementAndGet();
            return committed.contains(payload.orderId()) ? TransactionOutcome.COMMIT : TransactionOutcome.ROLLBACK;
        }

        @Override
        public Class<BenchOrder> payloadType() {
            return BenchOrder.class;
        }
    }

    /** Records the end-to-end latency once its (empty) work is done. */
    static final class LatencyConsumer extends TransactionalMessageConsumer<BenchOrder> {

        volatile LatencyLog log = new LatencyLog(0);

        LatencyConsumer(String topic, String group) {
            super(topic, group, BenchOrder.class);
        }

        @Override
        protected void consume(BenchOrder payload, MessageContext context) {
            log.consumed(payload.orderId(), payload.sentNanos(), System.nanoTime());
        }
    }

    /** In-memory guard: the JDBC store's database cost is the consumer's, not the messaging path's. */
    static final class MemoryIdempotencyStore implements IdempotencyStore {

        private final Set<String> done = ConcurrentHashMap.newKeySet();

        @Override
        public boolean runOnce(String consumerGroup, String messageKey, Work work) throws Exception {
            String key = consumerGroup + '\n' + messageKey;
            if (done.contains(key)) {
                return false;
            }
            work.run();
            return done.add(key);
        }
    }
}
