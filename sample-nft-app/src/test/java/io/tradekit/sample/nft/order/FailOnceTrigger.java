package io.tradekit.sample.nft.order;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.api.Trigger;

/** An H2 trigger that fails the first (or every) insert of an order whose identifier is registered here. */
public class FailOnceTrigger implements Trigger {

    /** Identifiers whose next order insert fails. */
    static final Set<String> ARMED = ConcurrentHashMap.newKeySet();
    /** Identifiers whose every order insert fails (a poison message). */
    static final Set<String> ALWAYS = ConcurrentHashMap.newKeySet();
    /** Identifiers whose insert did fail. */
    static final Set<String> FIRED = ConcurrentHashMap.newKeySet();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        // nothing to prepare
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        String identifier = String.valueOf(newRow[7]);
        if (ALWAYS.contains(identifier)) {
            throw new SQLException("injected permanent failure of the order insert");
        }
        if (ARMED.remove(identifier)) {
            FIRED.add(identifier);
            throw new SQLException("injected failure of the order insert");
        }
    }
}
