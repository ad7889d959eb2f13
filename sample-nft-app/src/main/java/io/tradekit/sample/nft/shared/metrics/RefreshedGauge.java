package io.tradekit.sample.nft.shared.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gauge per value of one tag (orders per state, stock per collection), set from a query that runs on a
 * schedule. Why not a query per scrape: a {@code GROUP BY} over the order table costs more the older the
 * shop is, and every Prometheus server scraping every instance would run it; here each instance runs it once
 * per {@code sample.metrics.refresh-interval}, whoever scrapes.
 *
 * <p>Values of {@code fixedValues} are always exported (0 when the query has no row for them), so a
 * dashboard shows "0 orders failed" instead of nothing. A failed query turns every row into {@code NaN}
 * (unknown is not zero), with one WARN per failure streak and no stack trace (a database outage is no bug).
 */
public final class RefreshedGauge {

    private static final Logger log = LoggerFactory.getLogger(RefreshedGauge.class);

    private final MultiGauge gauge;
    private final String name;
    private final String tag;
    private final List<String> fixedValues;
    private Map<String, Number> last = Map.of();
    private boolean failing;

    /**
     * @param registry    where the gauges live
     * @param name        the meter name
     * @param description what it counts
     * @param tag         the tag whose values the query returns
     * @param fixedValues tag values exported even when the query returns no row for them (e.g. every enum state)
     */
    public RefreshedGauge(MeterRegistry registry, String name, String description, String tag,
                          List<String> fixedValues) {
        this.gauge = MultiGauge.builder(name).description(description).register(registry);
        this.name = name;
        this.tag = tag;
        this.fixedValues = List.copyOf(fixedValues);
        publish(zeros());
    }

    /** Runs the query and publishes its rows (tag value to number); see the class comment for failures. */
    public synchronized void refresh(Supplier<Map<String, ? extends Number>> query) {
        Map<String, Number> rows = zeros();
        try {
            rows.putAll(query.get());
            if (failing) {
                log.info("The gauge {} is counted again", name);
                failing = false;
            }
        } catch (RuntimeException e) {
            rows.replaceAll((k, v) -> Double.NaN);
            last.keySet().forEach(k -> rows.put(k, Double.NaN));
            if (!failing) {
                log.warn("Counting the gauge {} failed, it shows NaN until it works: {}", name, e.toString());
                failing = true;
            }
        }
        publish(rows);
    }

    /** The values last published, by tag value (for tests and the log). */
    public synchronized Map<String, Number> values() {
        return Map.copyOf(last);
    }

    private Map<String, Number> zeros() {
        Map<String, Number> rows = new LinkedHashMap<>();
        fixedValues.forEach(v -> rows.put(v, 0));
        return rows;
    }

    private void publish(Map<String, Number> rows) {
        List<MultiGauge.Row<?>> gaugeRows = new ArrayList<>(rows.size());
        rows.forEach((value, number) -> gaugeRows.add(MultiGauge.Row.of(Tags.of(tag, value), number)));
        // overwrite: a tag value the query no longer returns (a collection no longer on sale) disappears.
        gauge.register(gaugeRows, true);
        last = rows;
    }
}
