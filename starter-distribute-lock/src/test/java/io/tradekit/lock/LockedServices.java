package io.tradekit.lock;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.redisson.api.RedissonClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The beans with locked methods that the integration tests call, one set per context. */
final class LockedServices {

    private LockedServices() {
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A read-modify-write of a counter row, with and without the lock, both in a transaction. */
    static class CounterService {

        private final JdbcTemplate jdbc;

        CounterService(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @DistributeLock(scene = "COUNTER", keyExpression = "#counterId")
        @Transactional
        public void incrementLocked(String counterId) {
            readModifyWrite(counterId);
        }

        @Transactional
        public void incrementUnlocked(String counterId) {
            readModifyWrite(counterId);
        }

        private void readModifyWrite(String counterId) {
            Integer value = jdbc.queryForObject("SELECT val FROM counter WHERE id = ?", Integer.class, counterId);
            pause(1); // the window a concurrent writer needs to read the same value
            jdbc.update("UPDATE counter SET val = ? WHERE id = ?", value + 1, counterId);
        }
    }

    /**
     * Appends ledger rows; each entrant records whether every earlier entrant's transaction was
     * already committed, read through a separate auto-commit connection.
     */
    static class LedgerService {

        static final Map<String, AtomicInteger> ENTRIES = new ConcurrentHashMap<>();
        static final Map<String, List<String>> VIOLATIONS = new ConcurrentHashMap<>();

        private final JdbcTemplate jdbc;

        LedgerService(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @DistributeLock(scene = "LEDGER", keyExpression = "#account")
        @Transactional
        public void append(String account) {
            AtomicInteger entries = ENTRIES.computeIfAbsent(account, a -> new AtomicInteger());
            int entrant = entries.incrementAndGet();
            int committed = committedRows(account);
            if (committed != entrant - 1) {
                VIOLATIONS.computeIfAbsent(account, a -> new CopyOnWriteArrayList<>())
                        .add("entrant " + entrant + " saw " + committed + " committed rows");
            }
            jdbc.update("INSERT INTO ledger (account, entry) VALUES (?, ?)", account, entrant);
            // Between the method's return and the commit: give a next entrant (bounded) time to get in.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    for (int i = 0; i < 60 && entries.get() == entrant; i++) {
                        pause(5);
                    }
                }
            });
        }

        static int committedRows(String account) {
            try (Connection connection = DriverManager.getConnection(LockTestApplication.DB_URL, "sa", "");
                 PreparedStatement statement = connection.prepareStatement("SELECT COUNT(*) FROM ledger WHERE account = ?")) {
                statement.setString(1, account);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Holds a lock until told, and tries the same lock with different waits. */
    static class HoldService {

        @DistributeLock(scene = "HOLD", keyExpression = "#key")
        public void hold(String key, CountDownLatch entered, CountDownLatch release) {
            entered.countDown();
            await(release);
        }

        @DistributeLock(scene = "HOLD", keyExpression = "#key", waitTime = 0)
        public void tryOnce(String key, AtomicInteger ran) {
            ran.incrementAndGet();
        }

        @DistributeLock(scene = "HOLD", keyExpression = "#key", waitTime = 200)
        public void tryBriefly(String key, AtomicInteger ran) {
            ran.incrementAndGet();
        }

        @DistributeLock(scene = "HOLD", keyExpression = "#key")
        public void waitForIt(String key, CountDownLatch entered) {
            entered.countDown();
        }

        @DistributeLock(scene = "HOLD", keyExpression = "#key")
        public void fail(String key) throws Exception {
            throw new java.io.IOException("the method's own failure");
        }
    }

    /** A write guarded by the fencing token of a fixed-lease lock. */
    static class FencedService {

        record Outcome(long token, int rows) {
        }

        private final JdbcTemplate jdbc;

        FencedService(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @DistributeLock(scene = "FENCED", keyExpression = "#id", expireTime = 500)
        @Transactional
        public Outcome write(String id, String value, CountDownLatch tokenTaken, CountDownLatch proceed) {
            long token = DistributeLockContext.fencingToken();
            tokenTaken.countDown();
            await(proceed);
            int rows = jdbc.update("UPDATE fenced SET fence = ?, val = ? WHERE id = ? AND fence < ?", token, value, id, token);
            return new Outcome(token, rows);
        }

        /** The same write under a watchdog lease (renewed while the holder reaches Redis), for the network-cut test. */
        @DistributeLock(scene = "FENCED_WATCHDOG", keyExpression = "#id")
        @Transactional
        public Outcome writeUnderWatchdog(String id, String value, CountDownLatch tokenTaken, CountDownLatch proceed) {
            long token = DistributeLockContext.fencingToken();
            tokenTaken.countDown();
            await(proceed);
            int rows = jdbc.update("UPDATE fenced SET fence = ?, val = ? WHERE id = ? AND fence < ?", token, value, id, token);
            return new Outcome(token, rows);
        }
    }

    /** Tells whether the lock it runs under has exactly the name a literal key gives. */
    static class KeyService {

        record Request(String identifier) {
        }

        static final AtomicInteger RUNS = new AtomicInteger();

        private final RedissonClient redisson;

        KeyService(RedissonClient redisson) {
            this.redisson = redisson;
        }

        @DistributeLock(scene = "KEY", keyExpression = "#value")
        public boolean holdsLockNamed(String value) {
            RUNS.incrementAndGet();
            return redisson.getLock("tradekit:lock:{KEY#" + value + "}").isHeldByCurrentThread();
        }

        @DistributeLock(scene = "ORDER_CREATE", keyExpression = "#request.identifier")
        public boolean create(Request request) {
            RUNS.incrementAndGet();
            return redisson.getLock("tradekit:lock:{ORDER_CREATE#" + request.identifier() + "}").isHeldByCurrentThread();
        }

        @DistributeLock(scene = "FIXED", key = "the-key", keyExpression = "#value")
        public boolean fixedKeyWins(String value) {
            RUNS.incrementAndGet();
            return redisson.getLock("tradekit:lock:{FIXED#the-key}").isHeldByCurrentThread();
        }
    }
}
