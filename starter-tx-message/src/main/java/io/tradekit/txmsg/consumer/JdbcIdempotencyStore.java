package io.tradekit.txmsg.consumer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link IdempotencyStore} on the consumer's own database: inserts (consumer_group, message_key)
 * into a table with that primary key, in the same transaction as the work. A duplicate key means
 * already done; a failed work rolls the insert back, so the retry runs it again.
 *
 * <p>Table (MySQL / H2): {@code CREATE TABLE tradekit_txmsg_consumed (consumer_group VARCHAR(255) NOT NULL,
 * message_key VARCHAR(128) NOT NULL, consumed_at TIMESTAMP NOT NULL, PRIMARY KEY (consumer_group, message_key))}.
 */
public class JdbcIdempotencyStore implements IdempotencyStore {

    private static final Pattern TABLE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String insertSql;
    private final String table;

    /** Creates the store on a table name (letters, digits, underscore). */
    public JdbcIdempotencyStore(JdbcTemplate jdbc, TransactionTemplate transactions, String table) {
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("idempotency table name must match " + TABLE.pattern());
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.table = table;
        this.insertSql = "INSERT INTO " + table + " (consumer_group, message_key, consumed_at) VALUES (?, ?, ?)";
    }

    /** Creates the table when it does not exist (for tests and embedded databases). */
    public void createTableIfMissing() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + table + " (consumer_group VARCHAR(255) NOT NULL, "
                + "message_key VARCHAR(128) NOT NULL, consumed_at TIMESTAMP NOT NULL, "
                + "PRIMARY KEY (consumer_group, message_key))");
    }

    @Override
    public boolean runOnce(String consumerGroup, String messageKey, Work work) throws Exception {
        try {
            Boolean ran = transactions.execute(status -> {
                try {
                    jdbc.update(insertSql, consumerGroup, messageKey, Timestamp.from(Instant.now()));
                } catch (DuplicateKeyException e) {
                    status.setRollbackOnly();
                    return Boolean.FALSE;
                }
                try {
                    work.run();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new WorkFailure(e);
                }
                return Boolean.TRUE;
            });
            return Boolean.TRUE.equals(ran);
        } catch (WorkFailure e) {
            throw (Exception) e.getCause();
        }
    }

    /** Carries a checked exception of the work out of the transaction callback. */
    private static final class WorkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkFailure(Exception cause) {
            super(cause);
        }
    }
}
