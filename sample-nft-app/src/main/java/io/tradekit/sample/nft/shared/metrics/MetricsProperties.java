package io.tradekit.sample.nft.shared.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code sample.metrics.*}: how often the business gauges are refreshed and how many they may be. */
@ConfigurationProperties("sample.metrics")
public class MetricsProperties {

    /** Time between two refreshes of the gauges counted from the database or Redis (orders, stock, applications). */
    private Duration refreshInterval = Duration.ofSeconds(30);

    /** The stock gauge covers at most this many collections on sale, the most recently opened first. */
    private int maxStockCollections = 100;

    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public void setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = refreshInterval;
    }

    public int getMaxStockCollections() {
        return maxStockCollections;
    }

    public void setMaxStockCollections(int maxStockCollections) {
        this.maxStockCollections = maxStockCollections;
    }
}
