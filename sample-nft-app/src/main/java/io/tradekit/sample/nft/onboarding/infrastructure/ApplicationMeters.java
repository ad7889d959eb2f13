package io.tradekit.sample.nft.onboarding.infrastructure;

import io.micrometer.core.instrument.MeterRegistry;
import io.tradekit.sample.nft.onboarding.domain.ApplicationStatus;
import io.tradekit.sample.nft.shared.metrics.RefreshedGauge;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code sample.onboarding.applications{status}}: onboarding applications per status, from one
 * {@code GROUP BY} every {@code sample.metrics.refresh-interval} (default 30 s), not per scrape. Every
 * status is exported, 0 included.
 */
@Component
public class ApplicationMeters {

    /** The gauge's name. */
    public static final String APPLICATIONS = "sample.onboarding.applications";

    private static final String COUNT_BY_STATUS = "SELECT status, COUNT(*) AS n FROM onb_application GROUP BY status";

    private final JdbcTemplate jdbc;
    private final RefreshedGauge applications;

    public ApplicationMeters(MeterRegistry registry, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.applications = new RefreshedGauge(registry, APPLICATIONS,
                "Onboarding applications per status, refreshed from the database", "status",
                Arrays.stream(ApplicationStatus.values()).map(Enum::name).toList());
    }

    /** Counts the applications again (scheduled; public so a test need not wait for the schedule). */
    @Scheduled(fixedDelayString = "${sample.metrics.refresh-interval:PT30S}")
    public void refresh() {
        applications.refresh(() -> {
            Map<String, Long> rows = new HashMap<>();
            jdbc.query(COUNT_BY_STATUS, row -> {
                rows.put(row.getString("status"), row.getLong("n"));
            });
            return rows;
        });
    }

    /** The last counts by status. */
    public Map<String, Number> values() {
        return applications.values();
    }
}
