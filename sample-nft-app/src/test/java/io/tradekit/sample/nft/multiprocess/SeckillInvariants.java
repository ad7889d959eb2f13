package io.tradekit.sample.nft.multiprocess;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.tradekit.devservices.standalone.SharedServersProcess;
import io.tradekit.stock.redis.StockKeys;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold for a sale once every message of its buys and cancels is settled, read from the shared
 * database and Redis of a multi-process run: one order per token; no order left CREATING or FAILED; DB stock
 * + units of live orders = the initial units (nothing sold twice, nothing lost) and Redis stock = DB stock;
 * the DB deductions not restored are exactly the live orders; and the Redis deductions not given back are
 * exactly the live orders, i.e. every half message resolved (each local deduction became an order or was
 * given back) and no drift. Shared by the multi-process and crash tests.
 */
public final class SeckillInvariants {

    private static final StockKeys KEYS = new StockKeys("tradekit:stock:");

    private final SharedServersProcess servers;

    public SeckillInvariants(SharedServersProcess servers) {
        this.servers = servers;
    }

    /**
     * A sale's state at one moment.
     *
     * @param ordersByState          order count per state
     * @param orderTokens            the tokens of every order (duplicates kept)
     * @param liveOrderTokens        tokens of the orders neither CANCELLED nor CLOSED nor FAILED
     * @param liveUnits              units of those orders
     * @param dbStock                {@code nft_inventory.stock}
     * @param dbDeductionsNotRestored tokens of the DB deduction flows without a restore (duplicates kept)
     * @param redisStock             the Redis stock ({@code null}: no key)
     * @param redisDeductionsNotGivenBack tokens of the Redis deduction records without an increase record
     * @param redisGivenBack         tokens of the Redis increase records (units given back)
     */
    public record Snapshot(Map<String, Integer> ordersByState, List<String> orderTokens, Set<String> liveOrderTokens,
                           int liveUnits, int dbStock, List<String> dbDeductionsNotRestored, Long redisStock,
                           Set<String> redisDeductionsNotGivenBack, Set<String> redisGivenBack) {

        /** Orders of one state. */
        public int orders(String state) {
            return ordersByState.getOrDefault(state, 0);
        }

        /** Every invariant that does not hold, in words; empty when all hold. */
        public List<String> violations(int initialUnits) {
            List<String> violations = new ArrayList<>();
            if (new HashSet<>(orderTokens).size() != orderTokens.size()) {
                violations.add("a token has two orders: " + orderTokens.size() + " orders, "
                        + new HashSet<>(orderTokens).size() + " tokens");
            }
            for (String state : ordersByState.keySet()) {
                if (!Set.of("CREATED", "PAID", "CANCELLED", "CLOSED").contains(state)) {
                    violations.add(ordersByState.get(state) + " orders " + state + " (not settled)");
                }
            }
            if (dbStock < 0 || dbStock + liveUnits != initialUnits) {
                violations.add("DB stock " + dbStock + " + units of live orders " + liveUnits + " != initial "
                        + initialUnits);
            }
            if (redisStock == null || redisStock != dbStock) {
                violations.add("Redis stock " + redisStock + " != DB stock " + dbStock);
            }
            if (new HashSet<>(dbDeductionsNotRestored).size() != dbDeductionsNotRestored.size()
                    || !new HashSet<>(dbDeductionsNotRestored).equals(liveOrderTokens)) {
                violations.add("DB deductions not restored (" + dbDeductionsNotRestored.size() + ") != live orders ("
                        + liveOrderTokens.size() + ")");
            }
            if (!redisDeductionsNotGivenBack.equals(liveOrderTokens)) {
                Set<String> withoutOrder = new HashSet<>(redisDeductionsNotGivenBack);
                withoutOrder.removeAll(liveOrderTokens);
                Set<String> withoutDeduction = new HashSet<>(liveOrderTokens);
                withoutDeduction.removeAll(redisDeductionsNotGivenBack);
                violations.add("Redis deductions not given back != live orders: " + withoutOrder.size()
                        + " deductions without a live order, " + withoutDeduction.size()
                        + " live orders without a deduction");
            }
            return violations;
        }
    }

    /** The sale's state now. */
    public Snapshot read(long collectionId) throws SQLException {
        Map<String, Integer> byState = new LinkedHashMap<>();
        List<String> tokens = new ArrayList<>();
        Set<String> liveTokens = new HashSet<>();
        int liveUnits = 0;
        for (List<String> order : rows("SELECT state, identifier, CAST(quantity AS VARCHAR(20)) FROM nft_order"
                + " WHERE collection_id = ?", collectionId)) {
            String state = order.get(0);
            byState.merge(state, 1, Integer::sum);
            tokens.add(order.get(1));
            if (!Set.of("CANCELLED", "CLOSED", "FAILED").contains(state)) {
                liveTokens.add(order.get(1));
                liveUnits += Integer.parseInt(order.get(2));
            }
        }
        int dbStock = Integer.parseInt(strings("SELECT CAST(stock AS VARCHAR(20)) FROM nft_inventory"
                + " WHERE collection_id = ?", collectionId).get(0));
        List<String> dbDeductions = strings("SELECT identifier FROM nft_inventory_flow f WHERE collection_id = ?"
                + " AND change_type = 'DEDUCT' AND NOT EXISTS (SELECT 1 FROM nft_inventory_flow r"
                + " WHERE r.order_id = f.order_id AND r.change_type = 'RESTORE')", collectionId);

        String item = "nft:" + collectionId;
        RedisClient client = RedisClient.create(servers.redisUri());
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            String stock = redis.sync().get(KEYS.stock(item));
            Set<String> deducted = new HashSet<>();
            Set<String> givenBack = new HashSet<>();
            for (String field : redis.sync().hkeys(KEYS.records(item))) {
                if (field.startsWith("#D|")) {
                    deducted.add(field.substring(3));
                } else if (field.startsWith("#I|")) {
                    givenBack.add(field.substring(3));
                }
            }
            deducted.removeAll(givenBack);
            return new Snapshot(byState, tokens, liveTokens, liveUnits, dbStock, dbDeductions,
                    stock == null ? null : Long.valueOf(stock), deducted, givenBack);
        } finally {
            client.shutdown();
        }
    }

    /** The invariants that do not hold now; empty when all hold. */
    public List<String> violations(long collectionId, int initialUnits) throws SQLException {
        return read(collectionId).violations(initialUnits);
    }

    /**
     * Waits until every invariant holds (the consumers and check-backs settle the sale), at most {@code bound};
     * returns the snapshot that held.
     *
     * @throws AssertionError naming the invariants still broken at the deadline
     */
    public Snapshot awaitHold(long collectionId, int initialUnits, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            Snapshot now = read(collectionId);
            List<String> violations = now.violations(initialUnits);
            if (violations.isEmpty()) {
                return now;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("sale " + collectionId + ": invariants still broken " + bound
                        + " (the bound of this wait) after it began: " + violations + "; " + now);
            }
            Thread.sleep(250);
        }
    }

    /** One string column of a query with one id parameter (a collection's, an order's), from the shared database. */
    public List<String> strings(String sql, long id) throws SQLException {
        return rows(sql, id).stream().map(row -> row.get(0)).toList();
    }

    /** The rows of a query with one id parameter (a collection's, an order's), every column as a string. */
    public List<List<String>> rows(String sql, long id) throws SQLException {
        try (Connection db = DriverManager.getConnection(servers.jdbcUrl(), "sa", "");
             PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, id);
            List<List<String>> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<String> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(rows.getString(i));
                    }
                    values.add(row);
                }
            }
            return values;
        }
    }
}
