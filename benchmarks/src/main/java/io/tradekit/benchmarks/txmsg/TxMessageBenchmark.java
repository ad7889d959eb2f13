package io.tradekit.benchmarks.txmsg;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.devservices.rocketmq.RocketMqDevService;
import io.tradekit.devservices.rocketmq.RocketMqSettings;
import io.tradekit.txmsg.TransactionalMessageTemplate;
import io.tradekit.txmsg.TransactionalSendResult;
import io.tradekit.txmsg.autoconfigure.TxMessageAutoConfiguration;
import io.tradekit.txmsg.consumer.IdempotencyStore;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A bounded load driver, in one JVM against one in-process dev-services name server + broker:
 * rounds of plain synchronous sends ({@link DefaultMQProducer#send(Message)}) and of
 * {@link TransactionalMessageTemplate#send} (half message, a local transaction that commits at once,
 * commit), interleaved (the order alternates per round), from the same number of threads with the
 * same ~200-byte JSON body. Each topic has a consumer (the raw push consumer for plain, the
 * starter's consumer with an in-memory idempotency guard for transactional) that records the
 * end-to-end latency send-start → consumer done. Every measurement waits until all its messages were
 * consumed before the next starts. Check-backs are counted in the handler over the whole run,
 * including a wait of the broker's transaction timeout plus a few check intervals after the last
 * round, and compared with the number of half messages sent.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.tradekit.benchmarks.txmsg.TxMessageBenchmark [ops] [rounds] [threads] [txTimeoutSeconds]
 * </pre>
 */
public final class TxMessageBenchmark {

    private static final String TX_TOPIC = "bench-tx-orders";
    private static final String PLAIN_TOPIC = "bench-plain-orders";
    private static final String PAD = "x".repeat(120);
    private static final Duration CONSUME_WAIT = Duration.ofSeconds(120);

    private TxMessageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ops = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Duration txTimeout = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 6);
        Duration checkInterval = Duration.ofSeconds(1);
        RocketMqDevService mq = RocketMqDevService.start(new RocketMqSettings(checkInterval, txTimeout,
                List.of(TX_TOPIC, PLAIN_TOPIC), Duration.ofSeconds(60)));
        ConfigurableApplicationContext context = null;
        DefaultMQProducer plain = null;
        DefaultMQPushConsumer plainConsumer = null;
        try {
            context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
                    "tradekit.dev-services.enabled=false",
                    "spring.main.banner-mode=off",
                    "logging.level.root=WARN",
                    "tradekit.txmsg.name-server=" + mq.nameServerAddress(),
                    "tradekit.txmsg.topics=" + TX_TOPIC,
                    "tradekit.txmsg.producer-group=bench-tx-producer",
                    "tradekit.txmsg.consumer.route-refresh-interval=1s").run();
            TransactionalMessageTemplate template = context.getBean(TransactionalMessageTemplate.class);
            BenchHandlers.CommitHandler handler = context.getBean(BenchHandlers.CommitHandler.class);
            BenchHandlers.LatencyConsumer txConsumer = context.getBean(BenchHandlers.LatencyConsumer.class);

            ObjectMapper json = new ObjectMapper();
            plain = new DefaultMQProducer("bench-plain-producer");
            plain.setNamesrvAddr(mq.nameServerAddress());
            plain.setInstanceName("bench-plain-" + UUID.randomUUID());
            plain.start();
            LatencyLog[] plainLog = {new LatencyLog(0)};
            plainConsumer = new DefaultMQPushConsumer("bench-plain-consumer");
            plainConsumer.setNamesrvAddr(mq.nameServerAddress());
            plainConsumer.setInstanceName("bench-plain-consumer-" + UUID.randomUUID());
            plainConsumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
            plainConsumer.setConsumeThreadMin(4);
            plainConsumer.setConsumeThreadMax(4);
            plainConsumer.subscribe(PLAIN_TOPIC, "*");
            plainConsumer.registerMessageListener((MessageListenerConcurrently) (messages, ctx) -> {
                for (MessageExt message : messages) {
                    try {
                        BenchOrder order = json.readValue(message.getBody(), BenchOrder.class);
                        plainLog[0].consumed(order.orderId(), order.sentNanos(), System.nanoTime());
                    } catch (java.io.IOException e) {
                        return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                    }
                }
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            plainConsumer.start();

            System.out.printf(Locale.ROOT, "broker %s, %d cores, %d messages per measurement, %d sender threads,"
                            + " transaction timeout %d s, check interval %d s%n", mq.brokerAddress(),
                    Runtime.getRuntime().availableProcessors(), ops, threads, txTimeout.toSeconds(),
                    checkInterval.toSeconds());
            DefaultMQProducer plainProducer = plain;
            List<double[]> results = new ArrayList<>();
            long halfMessages = 0;
            for (int round = 0; round <= rounds; round++) {
                double plainRate = 0;
                double txRate = 0;
                LatencyLog txLog = null;
                for (int leg = 0; leg < 2; leg++) {
                    boolean txLeg = (leg == 0) == (round % 2 == 1);
                    String tag = "r" + round + (txLeg ? "t" : "p");
                    LatencyLog log = new LatencyLog(ops);
                    if (txLeg) {
                        txConsumer.log = log;
                        txRate = measure(ops, threads, i -> {
                            BenchOrder order = new BenchOrder(tag + "-" + i, System.nanoTime(), PAD);
                            TransactionalSendResult sent = template.send(TX_TOPIC, BenchHandlers.SCENE, order);
                            if (!sent.committed()) {
                                throw new IllegalStateException("not committed: " + sent);
                            }
                        });
                        halfMessages += ops;
                        txLog = log;
                    } else {
                        plainLog[0] = log;
                        plainRate = measure(ops, threads, i -> {
                            BenchOrder order = new BenchOrder(tag + "-" + i, System.nanoTime(), PAD);
                            Message message = new Message(PLAIN_TOPIC, json.writeValueAsBytes(order));
                            message.setKeys(UUID.randomUUID().toString());
                            SendResult sent = plainProducer.send(message);
                            if (sent.getSendStatus() != SendStatus.SEND_OK) {
                                throw new IllegalStateException("not stored: " + sent);
                            }
                        });
                    }
                    awaitConsumed(log, ops, tag);
                }
                LatencyLog p = plainLog[0];
                double[] row = {plainRate, txRate, txRate / plainRate, p.quantileMillis(0.5), p.quantileMillis(0.99),
                        txLog.quantileMillis(0.5), txLog.quantileMillis(0.99), handler.checks.get(),
                        p.duplicates() + txLog.duplicates()};
                System.out.printf(Locale.ROOT, "round %d%s: plain %.0f sends/s, transactional %.0f sends/s, ratio %.3f"
                                + " | end-to-end ms plain p50 %.2f p99 %.2f, transactional p50 %.2f p99 %.2f"
                                + " | check-backs so far %d, redeliveries %d%n", round, round == 0 ? " (warm-up)" : "",
                        row[0], row[1], row[2], row[3], row[4], row[5], row[6], (long) row[7], (long) row[8]);
                if (round > 0) {
                    results.add(row);
                }
            }
            // Check-backs come at the earliest txTimeout after a half message: wait for them to show.
            Thread.sleep(txTimeout.plus(checkInterval.multipliedBy(3)).toMillis());
            long checks = handler.checks.get();
            String[] names = {"plain sends/s", "transactional sends/s", "transactional/plain",
                    "plain p50 ms", "plain p99 ms", "transactional p50 ms", "transactional p99 ms"};
            for (int k = 0; k < names.length; k++) {
                List<Double> values = new ArrayList<>();
                for (double[] row : results) {
                    values.add(row[k]);
                }
                values.sort(Double::compare);
                System.out.printf(Locale.ROOT, "median %s %.3f (min %.3f, max %.3f)%n", names[k],
                        values.get(values.size() / 2), values.get(0), values.get(values.size() - 1));
            }
            System.out.printf(Locale.ROOT, "check-backs %d of %d half messages (%.3f %%), all committed at once%n",
                    checks, halfMessages, 100.0 * checks / halfMessages);
        } finally {
            if (plainConsumer != null) {
                plainConsumer.shutdown();
            }
            if (plain != null) {
                plain.shutdown();
            }
            if (context != null) {
                context.close();
            }
            mq.close();
        }
    }

    private static void awaitConsumed(LatencyLog log, int ops, String tag) throws InterruptedException {
        long deadline = System.nanoTime() + CONSUME_WAIT.toNanos();
        while (log.count() < ops) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(tag + ": only " + log.count() + " of " + ops + " consumed");
            }
            Thread.sleep(5);
        }
    }

    private interface Send {
        void run(int index) throws Exception;
    }

    /** Sends indices 0..ops-1 from {@code threads} threads; returns sends per second. */
    private static double measure(int ops, int threads, Send send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            int slice = (ops + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * slice;
                int to = Math.min(ops, from + slice);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = from; i < to; i++) {
                        send.run(i);
                    }
                    return null;
                }));
            }
            long begin = System.nanoTime();
            start.countDown();
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.MINUTES);
            }
            return ops / ((System.nanoTime() - begin) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The starter alone, with the benchmark's handler, consumer and in-memory guard. */
    @SpringBootConfiguration
    @ImportAutoConfiguration(TxMessageAutoConfiguration.class)
    static class App {

        @Bean
        BenchHandlers.CommitHandler benchCommitHandler() {
            return new BenchHandlers.CommitHandler();
        }

        @Bean
        BenchHandlers.LatencyConsumer benchLatencyConsumer() {
            return new BenchHandlers.LatencyConsumer(TX_TOPIC, "bench-tx-consumer");
        }

        @Bean
        IdempotencyStore benchIdempotencyStore() {
            return new BenchHandlers.MemoryIdempotencyStore();
        }
    }
}
