package io.tradekit.txmsg.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The JDBC guard on a real (H2, MySQL mode) database: once per key, atomically with the work. */
class JdbcIdempotencyStoreTests {

    JdbcTemplate jdbc;
    JdbcIdempotencyStore store;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:guard-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        jdbc = new JdbcTemplate(dataSource);
        store = new JdbcIdempotencyStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                "tradekit_txmsg_consumed");
        store.createTableIfMissing();
        jdbc.execute("CREATE TABLE effect (k VARCHAR(255))");
    }

    int effects() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM effect", Integer.class);
    }

    @Test
    void secondRunOfTheSameKeyInTheSameGroupDoesNotRunTheWork() throws Exception {
        assertThat(store.runOnce("g", "k1", () -> jdbc.update("INSERT INTO effect VALUES ('k1')"))).isTrue();
        assertThat(store.runOnce("g", "k1", () -> jdbc.update("INSERT INTO effect VALUES ('k1')"))).isFalse();

        assertThat(effects()).isEqualTo(1);
    }

    @Test
    void sameKeyInAnotherGroupRuns() throws Exception {
        assertThat(store.runOnce("g1", "k", () -> jdbc.update("INSERT INTO effect VALUES ('a')"))).isTrue();
        assertThat(store.runOnce("g2", "k", () -> jdbc.update("INSERT INTO effect VALUES ('b')"))).isTrue();

        assertThat(effects()).isEqualTo(2);
    }

    @Test
    void failedWorkRollsBackItsRecordAndItsEffectsSoTheRetryRuns() throws Exception {
        assertThatThrownBy(() -> store.runOnce("g", "k", () -> {
            jdbc.update("INSERT INTO effect VALUES ('x')");
            throw new java.io.IOException("checked failure");
        })).isInstanceOf(java.io.IOException.class).hasMessage("checked failure");
        assertThat(effects()).isZero();

        assertThat(store.runOnce("g", "k", () -> jdbc.update("INSERT INTO effect VALUES ('x')"))).isTrue();
        assertThat(effects()).isEqualTo(1);
    }

    @Test
    void duplicateKeyRaisedByTheWorkItselfIsNotMistakenForADuplicateMessage() {
        jdbc.execute("CREATE TABLE uniq (k VARCHAR(10) PRIMARY KEY)");
        jdbc.update("INSERT INTO uniq VALUES ('taken')");

        assertThatThrownBy(() -> store.runOnce("g", "k", () -> jdbc.update("INSERT INTO uniq VALUES ('taken')")))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tradekit_txmsg_consumed", Integer.class)).isZero();
    }

    @Test
    void hostileKeysAreStoredAsData() throws Exception {
        String key = "k'); DROP TABLE effect; --\r\n#{T(java.lang.Runtime)}";
        assertThat(store.runOnce("g", key, () -> jdbc.update("INSERT INTO effect VALUES ('h')"))).isTrue();
        assertThat(store.runOnce("g", key, () -> jdbc.update("INSERT INTO effect VALUES ('h')"))).isFalse();
        assertThat(effects()).isEqualTo(1);
    }

    @Test
    void badTableNamesAreRefused() {
        TransactionTemplate tx = new TransactionTemplate();
        for (String bad : new String[] {null, "", "t; DROP TABLE x", "t\r\n", "a".repeat(65)}) {
            assertThatThrownBy(() -> new JdbcIdempotencyStore(jdbc, tx, bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void concurrentDeliveriesOfOneMessageRunTheWorkOnce() throws Exception {
        int threads = 8;
        int rounds = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < rounds; round++) {
                String key = "race-" + round;
                AtomicInteger ran = new AtomicInteger();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return store.runOnce("g", key, () -> {
                            ran.incrementAndGet();
                            jdbc.update("INSERT INTO effect VALUES (?)", key);
                        });
                    }));
                }
                go.countDown();
                int trues = 0;
                for (Future<Boolean> result : results) {
                    if (result.get(30, TimeUnit.SECONDS)) {
                        trues++;
                    }
                }
                assertThat(trues).as("round %d", round).isEqualTo(1);
                assertThat(ran).as("round %d", round).hasValue(1);
            }
            assertThat(effects()).isEqualTo(rounds);
        } finally {
            pool.shutdownNow();
        }
    }
}
