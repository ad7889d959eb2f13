package io.tradekit.sample.nft.order.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.sample.nft.order.domain.OrderState;
import io.tradekit.sample.nft.shared.metrics.RefreshedGauge;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code sample.order.orders{state}}: orders per state, from one {@code GROUP BY} on the
 * {@code (state, created_at)} index every {@code sample.metrics.refresh-interval} (default 30 s), not per
 * scrape. Every state is exported, 0 included. Kept apart from the order flow's classes on purpose: it
 * reads the table only.
 */
@Component
public class OrderMeters {

    /** The gauge's name. */
    public static final String ORDERS = "sample.order.orders";

    private static final String COUNT_BY_STATE = "SELECT state, COUNT(*) AS n FROM nft_order GROUP BY state";

    private final JdbcTemplate jdbc;
    private final RefreshedGauge orders;

    public OrderMeters(MeterRegistry registry, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.orders = new RefreshedGauge(registry, ORDERS, "Orders per state, refreshed from the database", "state",
                Arrays.stream(OrderState.values()).map(Enum::name).toList());
    }

    /** Counts the orders again (scheduled; public so a test need not wait for the schedule). */
    @Scheduled(fixedDelayString = "${sample.metrics.refresh-interval:PT30S}")
    public void refresh() {
        orders.refresh(() -> {
            Map<String, Long> rows = new HashMap<>();
            jdbc.query(COUNT_BY_STATE, row -> {
                rows.put(row.getString("state"), row.getLong("n"));
            });
            return rows;
        });
    }

    /** The last counts by state. */
    public Map<String, Number> values() {
        return orders.values();
    }
}
