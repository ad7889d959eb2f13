package io.tradekit.sample.nft.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The refreshed gauge: fixed tag values at 0, vanished values removed, a failed query is NaN not 0. */
class RefreshedGaugeTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RefreshedGauge gauge = new RefreshedGauge(registry, "test.orders", "orders", "state",
            List.of("CREATED", "PAID"));

    @Test
    void fixedValuesAreExportedAtZeroBeforeAndBesideTheQuery() {
        assertThat(value("CREATED")).isZero();
        assertThat(value("PAID")).isZero();
        gauge.refresh(() -> Map.of("PAID", 3L, "LEGACY", 1L));
        assertThat(value("CREATED")).isZero();
        assertThat(value("PAID")).isEqualTo(3);
        assertThat(value("LEGACY")).isEqualTo(1);
    }

    @Test
    void aValueTheQueryNoLongerReturnsDisappears() {
        gauge.refresh(() -> Map.of("42", 7));
        assertThat(registry.find("test.orders").tag("state", "42").gauge()).isNotNull();
        gauge.refresh(Map::of);
        assertThat(registry.find("test.orders").tag("state", "42").gauge()).isNull();
        assertThat(value("CREATED")).isZero();
    }

    @Test
    void aFailedQueryShowsNaNAndTheNextGoodOneCountsAgain() {
        gauge.refresh(() -> Map.of("PAID", 2, "42", 5));
        gauge.refresh(() -> {
            throw new IllegalStateException("database down");
        });
        assertThat(value("PAID")).isNaN();
        assertThat(value("CREATED")).isNaN();
        assertThat(value("42")).as("a value of the last good count").isNaN();
        gauge.refresh(() -> Map.of("PAID", 4));
        assertThat(value("PAID")).isEqualTo(4);
        assertThat(gauge.values()).containsEntry("PAID", 4).containsEntry("CREATED", 0).doesNotContainKey("42");
    }

    private double value(String state) {
        return registry.get("test.orders").tag("state", state).gauge().value();
    }
}
