package io.tradekit.sample.nft.crash;

import io.tradekit.sample.nft.shared.metrics.PrometheusScrape;
import java.util.Map;

/** Counter values read from a process's {@code /actuator/prometheus} (an ADMIN session's scrape). */
final class Meters {

    private Meters() {
    }

    /** The value of the series {@code name} whose labels include {@code labels}; 0 when there is none. */
    static double counter(int port, String adminSession, String name, Map<String, String> labels) {
        PrometheusScrape.Answer scrape = PrometheusScrape.get(port, adminSession);
        if (scrape.status() != 200) {
            throw new AssertionError("scrape of port " + port + " answered " + scrape.status());
        }
        double sum = 0;
        for (String line : scrape.body().split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            PrometheusScrape.Series series = PrometheusScrape.series(line).get(0);
            if (series.name().equals(name) && series.labels().entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
