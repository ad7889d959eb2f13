package io.tradekit.sample.nft.order;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.api.Trigger;

/**
 * An H2 trigger ({@code BEFORE INSERT, UPDATE ON nft_order}) that fails the first (or every) write of an
 * order whose identifier is registered here, when the write makes it CREATED: the order consumer's
 * write, not the buy's CREATING record.
 */
public class FailOnceTrigger implements Trigger {

    /** Identifiers whose next consumer write fails. */
    static final Set<String> ARMED = ConcurrentHashMap.newKeySet();
    /** Identifiers whose every consumer write fails (a poison message). */
    static final Set<String> ALWAYS = ConcurrentHashMap.newKeySet();
    /** Identifiers whose consumer write did fail. */
    static final Set<String> FIRED = ConcurrentHashMap.newKeySet();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        // nothing to prepare
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String identifier = String.valueOf(newRow[7]);
        if (!"CREATED".equals(String.valueOf(newRow[8]))) {
            return;
        }
        if (ALWAYS.contains(identifier)) {
            throw new SQLException("injected permanent failure of the order write");
        }
        if (ARMED.remove(identifier)) {
            FIRED.add(identifier);
            throw new SQLException("injected failure of the order write");
        }
    }
}
