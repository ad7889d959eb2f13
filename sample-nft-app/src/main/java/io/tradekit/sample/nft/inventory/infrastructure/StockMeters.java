package io.tradekit.sample.nft.inventory.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.sample.nft.inventory.domain.StockCache;
import io.tradekit.sample.nft.shared.metrics.MetricsProperties;
import io.tradekit.sample.nft.shared.metrics.RefreshedGauge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code sample.inventory.stock{collection}}: the saleable (Redis) stock of each collection on sale, the
 * {@code sample.metrics.max-stock-collections} most recently opened (default 100: the tag's values stay
 * bounded), refreshed every {@code sample.metrics.refresh-interval} with one indexed query and one Redis
 * read per collection. A collection whose Redis stock is gone (sale removed) is left out.
 */
@Component
public class StockMeters {

    /** The gauge's name. */
    public static final String STOCK = "sample.inventory.stock";

    private static final String OPEN_COLLECTIONS =
            "SELECT collection_id FROM nft_inventory ORDER BY created_at DESC, collection_id DESC LIMIT ?";

    private final JdbcTemplate jdbc;
    private final StockCache stock;
    private final int maxCollections;
    private final RefreshedGauge gauge;

    public StockMeters(MeterRegistry registry, JdbcTemplate jdbc, StockCache stock, MetricsProperties properties) {
        if (properties.getMaxStockCollections() < 1 || properties.getMaxStockCollections() > 10_000) {
            throw new IllegalStateException("sample.metrics.max-stock-collections must be 1..10000");
        }
        this.jdbc = jdbc;
        this.stock = stock;
        this.maxCollections = properties.getMaxStockCollections();
        this.gauge = new RefreshedGauge(registry, STOCK, "Saleable (Redis) stock per collection on sale",
                "collection", List.of());
    }

    /** Reads the stock again (scheduled; public so a test need not wait for the schedule). */
    @Scheduled(fixedDelayString = "${sample.metrics.refresh-interval:PT30S}")
    public void refresh() {
        gauge.refresh(() -> {
            Map<String, Long> rows = new HashMap<>();
            for (Long id : jdbc.queryForList(OPEN_COLLECTIONS, Long.class, maxCollections)) {
                OptionalLong left = stock.stock(id);
                if (left.isPresent()) {
                    rows.put(Long.toString(id), left.getAsLong());
                }
            }
            return rows;
        });
    }

    /** The last stock by collection id. */
    public Map<String, Number> values() {
        return gauge.values();
    }
}
