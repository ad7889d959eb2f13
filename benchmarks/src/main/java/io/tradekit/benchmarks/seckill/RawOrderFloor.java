package io.tradekit.benchmarks.seckill;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.tradekit.devservices.standalone.SharedServersProcess;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The floor of an accepted buy: what the architecture makes every order do, and nothing else. No HTTP,
 * no Spring, no login check, no anti-duplicate token, no validation, no facade: plain Lettuce, the plain
 * RocketMQ client and plain JDBC against the same shared servers the apps use. Three steps, each a
 * closed-loop phase of its own so the cost of each layer shows:
 * <ol>
 *   <li><b>deduction</b>: one Lua script per order on Redis (check, record the operation, decrement);</li>
 *   <li><b>+ transactional message</b>: the deduction, then a half message, an empty local transaction, the
 *       commit, and a consumer that receives it;</li>
 *   <li><b>+ rows</b>: as 2, with the order row and its inventory flow row written over JDBC in the local
 *       transaction, and the consumer writing its guard row and the order's status in one transaction.</li>
 * </ol>
 * Each phase reports orders per second and the CPU per order of this JVM (the producer, the consumer, the
 * clients) and of the servers (broker, name server, H2, ZooKeeper's launcher, redis-server), counted until
 * the consumer has received every committed message. Every accepted buy of the sample does at least step 3
 * plus its HTTP edge, so step 3's rate is an upper bound of the accepted buy's rate on the same machine.
 */
final class RawOrderFloor {

    static final String TOPIC = "raw-order-floor";
    private static final String STOCK_KEY = "raw-floor:stock";
    private static final String RECORDS_KEY = "raw-floor:records";
    /** Check the stock, record the operation once, decrement: the contract of the stock starter's deduction. */
    private static final String DEDUCT = """
            local stock = tonumber(redis.call('GET', KEYS[1]) or '-1')
            if stock < tonumber(ARGV[2]) then return -1 end
            if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 0 then return -2 end
            return redis.call('DECRBY', KEYS[1], ARGV[2])
            """;

    enum Step {
        DEDUCTION("floor 1: Redis deduction"),
        MESSAGE("floor 2: + transactional message (half, commit, consume)"),
        ROWS("floor 3: + order and flow rows, consumer's write (JDBC)");

        final String label;

        Step(String label) {
            this.label = label;
        }
    }

    /** One step's numbers; CPU in milliseconds per order. */
    record Result(LoadPhase.Result phase, double ownCpuPerOrder, double serversCpuPerOrder, double drainSeconds) {

        double totalCpuPerOrder() {
            return ownCpuPerOrder + serversCpuPerOrder;
        }

        String line() {
            return String.format(Locale.ROOT, "%s: %d orders in %.1f s, %.0f/s, p50 %.1f ms, p99 %.1f ms; CPU ms per"
                    + " order: this JVM %.2f, servers %.2f, total %.2f (drained %.1f s after the phase); %s",
                    phase.name(), phase.calls(), phase.seconds(), phase.rps(), phase.p50(), phase.p99(), ownCpuPerOrder,
                    serversCpuPerOrder, totalCpuPerOrder(), drainSeconds, phase.outcomesText());
        }
    }

    private final SharedServersProcess servers;
    private final RedisClient redisClient;
    private final StatefulRedisConnection<String, String> redis;
    private final String deductSha;
    private final TransactionMQProducer producer;
    private final DefaultMQPushConsumer consumer;
    private final ThreadLocal<Connection> connections;
    private final List<Connection> opened = new ArrayList<>();
    private final Map<Step, LongAdder> consumed = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final LongAdder consumerFailures = new LongAdder();
    /** Step 3's local transactions that committed: the order rows and guard rows there must be. */
    private final LongAdder committedRows = new LongAdder();

    RawOrderFloor(SharedServersProcess servers) throws Exception {
        this.servers = servers;
        for (Step step : Step.values()) {
            consumed.put(step, new LongAdder());
        }
        connections = ThreadLocal.withInitial(this::openConnection);
        createTables();
        redisClient = RedisClient.create(servers.redisUri());
        redis = redisClient.connect();
        deductSha = redis.sync().scriptLoad(DEDUCT);
        redis.sync().set(STOCK_KEY, Long.toString(Long.MAX_VALUE / 2));

        producer = new TransactionMQProducer("raw-order-floor-producer");
        producer.setNamesrvAddr(servers.nameServerAddress());
        producer.setSendMsgTimeout(3000);
        producer.setTransactionListener(new Listener());
        producer.start();

        consumer = new DefaultMQPushConsumer("raw-order-floor-consumer");
        consumer.setNamesrvAddr(servers.nameServerAddress());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt message : messages) {
                if (!consume(message)) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
    }

    /** Runs the three steps, each {@code seconds} long after a {@code warmupSeconds} pass of all three. */
    List<Result> run(int threads, double seconds, double warmupSeconds) throws Exception {
        for (Step step : Step.values()) {
            measure(step, threads, warmupSeconds, " (warm-up)");
        }
        List<Result> results = new ArrayList<>();
        for (Step step : Step.values()) {
            Result result = measure(step, threads, seconds, "");
            System.out.println(result.line());
            results.add(result);
        }
        return results;
    }

    private Result measure(Step step, int threads, double seconds, String tag) throws Exception {
        long self = ProcessHandle.current().pid();
        List<Long> serverPids = servers.serverPids();
        long consumedBefore = consumed.get(step).sum();
        double own0 = ProcessCpu.millis(self);
        double servers0 = serverPids.stream().mapToDouble(ProcessCpu::millis).sum();
        LoadPhase.Result phase = LoadPhase.run(step.label + tag, new long[] {self}, threads, seconds, 2_000_000,
                (t, i) -> order(step));
        long committed = phase.outcomes().getOrDefault(LocalTransactionState.COMMIT_MESSAGE.name(), 0L);
        long drainStart = System.nanoTime();
        if (step != Step.DEDUCTION) {
            awaitConsumed(step, consumedBefore + committed);
        }
        double drain = (System.nanoTime() - drainStart) / 1e9;
        double own = ProcessCpu.millis(self) - own0;
        double serversCpu = serverPids.stream().mapToDouble(ProcessCpu::millis).sum() - servers0;
        long orders = Math.max(1, phase.calls());
        return new Result(phase, own / orders, serversCpu / orders, drain);
    }

    /** One order of the step; its outcome: DEDUCTED (step 1), COMMIT, or what went wrong. */
    private String order(Step step) {
        long id = ids.incrementAndGet();
        Long left = redis.sync().evalsha(deductSha, ScriptOutputType.INTEGER, new String[] {STOCK_KEY, RECORDS_KEY},
                Long.toString(id), "1");
        if (left == null || left < 0) {
            return "deduction refused " + left;
        }
        if (step == Step.DEDUCTION) {
            return "DEDUCTED";
        }
        Message message = new Message(TOPIC, step.name(), Long.toString(id),
                ("{\"orderId\":" + id + ",\"buyer\":" + (id % 2000) + ",\"quantity\":1}").getBytes(StandardCharsets.UTF_8));
        try {
            TransactionSendResult sent = producer.sendMessageInTransaction(message, step);
            if (sent.getSendStatus() != SendStatus.SEND_OK) {
                return "send " + sent.getSendStatus();
            }
            return sent.getLocalTransactionState().name();
        } catch (Exception e) {
            return "send failed " + e.getClass().getSimpleName();
        }
    }

    /** The producer's side: the local transaction writes the order and its flow row (step 3 only). */
    private final class Listener implements TransactionListener {

        @Override
        public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
            if (arg != Step.ROWS) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }
            long id = Long.parseLong(message.getKeys());
            Connection db = connections.get();
            try (PreparedStatement order = db.prepareStatement(
                    "INSERT INTO raw_floor_order (id, buyer, status) VALUES (?, ?, 'CREATING')");
                 PreparedStatement flow = db.prepareStatement(
                    "INSERT INTO raw_floor_flow (order_id, quantity) VALUES (?, 1)")) {
                order.setLong(1, id);
                order.setLong(2, id % 2000);
                order.executeUpdate();
                flow.setLong(1, id);
                flow.executeUpdate();
                db.commit();
                committedRows.increment();
                return LocalTransactionState.COMMIT_MESSAGE;
            } catch (SQLException e) {
                rollback(db);
                return LocalTransactionState.ROLLBACK_MESSAGE;
            }
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt message) {
            if (!Step.ROWS.name().equals(message.getTags())) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }
            Connection db = connections.get();
            try (PreparedStatement find = db.prepareStatement("SELECT 1 FROM raw_floor_order WHERE id = ?")) {
                find.setLong(1, Long.parseLong(message.getKeys()));
                try (ResultSet row = find.executeQuery()) {
                    boolean found = row.next();
                    db.commit();
                    return found ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
                }
            } catch (SQLException e) {
                rollback(db);
                return LocalTransactionState.UNKNOW;
            }
        }
    }

    /** The consumer's side: a guard row against redelivery and the order's status, one transaction (step 3). */
    private boolean consume(MessageExt message) {
        Step step = Step.valueOf(message.getTags());
        if (step == Step.ROWS) {
            Connection db = connections.get();
            try (PreparedStatement guard = db.prepareStatement("INSERT INTO raw_floor_consumed (msg_key) VALUES (?)");
                 PreparedStatement order = db.prepareStatement(
                    "UPDATE raw_floor_order SET status = 'CREATED' WHERE id = ? AND status = 'CREATING'")) {
                guard.setString(1, message.getKeys());
                guard.executeUpdate();
                order.setLong(1, Long.parseLong(message.getKeys()));
                order.executeUpdate();
                db.commit();
            } catch (SQLException e) {
                rollback(db);
                consumerFailures.increment();
                return false;
            }
        }
        consumed.get(step).increment();
        return true;
    }

    private void awaitConsumed(Step step, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (consumed.get(step).sum() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(step.label + ": consumed " + consumed.get(step).sum() + " of " + expected
                        + " committed messages, not within the bound of this wait (" + consumerFailures.sum()
                        + " consumer failures)");
            }
            Thread.sleep(20);
        }
    }

    /**
     * The floor's own check, so its rate is of orders that really happened: as many order rows and consumer
     * guard rows as step 3 committed (warm-up included), every order CREATED; a failure message or null.
     */
    String check() throws SQLException {
        long[] counts = rowCounts();
        String line = String.format(Locale.ROOT, "floor check: %d local transactions committed, %d order rows, %d guard"
                + " rows, %d orders not CREATED, %d consumer failures", committedRows.sum(), counts[0], counts[1],
                counts[2], consumerFailures.sum());
        System.out.println(line);
        boolean ok = counts[0] == committedRows.sum() && counts[1] == committedRows.sum() && counts[2] == 0;
        return ok ? null : line;
    }

    private long[] rowCounts() throws SQLException {
        try (Connection db = DriverManager.getConnection(servers.jdbcUrl(), "sa", "");
             Statement query = db.createStatement()) {
            long[] counts = new long[3];
            String[] sql = {"SELECT COUNT(*) FROM raw_floor_order", "SELECT COUNT(*) FROM raw_floor_consumed",
                "SELECT COUNT(*) FROM raw_floor_order WHERE status <> 'CREATED'"};
            for (int i = 0; i < sql.length; i++) {
                try (ResultSet rows = query.executeQuery(sql[i])) {
                    rows.next();
                    counts[i] = rows.getLong(1);
                }
            }
            return counts;
        }
    }

    void close() {
        consumer.shutdown();
        producer.shutdown();
        redis.close();
        redisClient.shutdown();
        synchronized (opened) {
            for (Connection db : opened) {
                try {
                    db.close();
                } catch (SQLException ignored) {
                    // closing at the end of a benchmark run: nothing left to protect
                }
            }
        }
    }

    private Connection openConnection() {
        try {
            Connection db = DriverManager.getConnection(servers.jdbcUrl(), "sa", "");
            db.setAutoCommit(false);
            synchronized (opened) {
                opened.add(db);
            }
            return db;
        } catch (SQLException e) {
            throw new IllegalStateException("no connection to the shared database " + servers.jdbcUrl(), e);
        }
    }

    private void createTables() throws SQLException {
        try (Connection db = DriverManager.getConnection(servers.jdbcUrl(), "sa", "");
             Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS raw_floor_order (id BIGINT PRIMARY KEY, buyer BIGINT NOT NULL,"
                    + " status VARCHAR(16) NOT NULL)");
            ddl.execute("CREATE TABLE IF NOT EXISTS raw_floor_flow (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " order_id BIGINT NOT NULL, quantity INT NOT NULL)");
            ddl.execute("CREATE TABLE IF NOT EXISTS raw_floor_consumed (msg_key VARCHAR(64) PRIMARY KEY)");
        }
    }

    private static void rollback(Connection db) {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the next statement on it reports that
        }
    }
}
