package io.tradekit.sample.nft.inventory.infrastructure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tradekit.sample.nft.shared.metrics.MetricsProperties;
import org.junit.jupiter.api.Test;

/** The stock gauge's bound on its tag values is checked at start-up. */
class StockMetersSettingsTest {

    @Test
    void theCollectionBoundMustBeOneToTenThousand() {
        for (int bad : new int[] {0, -1, 10_001, Integer.MIN_VALUE}) {
            MetricsProperties properties = new MetricsProperties();
            properties.setMaxStockCollections(bad);
            assertThatThrownBy(() -> new StockMeters(new SimpleMeterRegistry(), null, null, properties))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("sample.metrics.max-stock-collections");
        }
    }
}
