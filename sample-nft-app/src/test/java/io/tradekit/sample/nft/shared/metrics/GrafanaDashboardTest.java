package io.tradekit.sample.nft.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.inventory.infrastructure.StockMeters;
import io.tradekit.sample.nft.order.TradingClient;
import io.tradekit.sample.nft.order.infrastructure.OrderMeters;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Grafana dashboard ({@code docs/grafana/tradekit-seckill.json}) queries only what the running app
 * exports: after a little traffic (a registration, logins good and bad, a buy, a sold-out refusal, a cache
 * read, a rejected token), every selector of every panel's PromQL must match at least one series of an
 * ADMIN's scrape of {@code /actuator/prometheus} — its metric name, and its {@code label="value"} matchers.
 */
@SampleAppTest
class GrafanaDashboardTest {

    static final Path DASHBOARD = Path.of("..", "docs", "grafana", "tradekit-seckill.json");
    private static final BigDecimal PRICE = new BigDecimal("6.00");
    // A metric name, optionally with its matchers: name{a="b",c=~"d"}
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*})?");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "rate", "irate", "increase", "max", "min", "avg",
            "count", "by", "without", "on", "ignoring", "group_left", "group_right", "histogram_quantile", "and", "or",
            "unless", "offset", "bool", "topk", "bottomk", "abs", "clamp_min", "clamp_max", "label_replace");

    @LocalServerPort
    int port;

    @Autowired
    StockMeters stockMeters;

    @Autowired
    OrderMeters orderMeters;

    @Test
    void everyPanelQueriesSeriesTheAppExports() throws IOException {
        TradingClient client = new TradingClient(port);
        driveTraffic(client);
        stockMeters.refresh();
        orderMeters.refresh();

        PrometheusScrape.Answer scrape = PrometheusScrape.get(port, client.admin());
        assertThat(scrape.status()).isEqualTo(200);
        List<PrometheusScrape.Series> exported = PrometheusScrape.series(scrape.body());

        Map<String, List<String>> selectorsByPanel = selectors(new ObjectMapper().readTree(DASHBOARD.toFile()));
        assertThat(selectorsByPanel).as("panels with queries").hasSizeGreaterThanOrEqualTo(10);
        List<String> missing = new ArrayList<>();
        selectorsByPanel.forEach((panel, selectors) -> {
            assertThat(selectors).as(panel + " has a query").isNotEmpty();
            for (String selector : selectors) {
                if (exported.stream().noneMatch(series -> matches(selector, series))) {
                    missing.add(panel + ": " + selector);
                }
            }
        });
        assertThat(missing).as("selectors of the dashboard that match no exported series").isEmpty();
    }

    @Test
    void theSelectorParserFindsNamesAndMatchersAndSkipsFunctionsAndGroupings() {
        assertThat(selectorsOf("sum by (service, method) (rate(tradekit_facade_calls_seconds_count{success=\"true\"}"
                + "[$__rate_interval])) / sum by (service, method) (rate(tradekit_facade_calls_seconds_count[5m]))"))
                .containsExactly("tradekit_facade_calls_seconds_count{success=\"true\"}",
                        "tradekit_facade_calls_seconds_count");
        assertThat(selectorsOf("max(tradekit_sso_sessions_active)")).containsExactly("tradekit_sso_sessions_active");
        PrometheusScrape.Series series = new PrometheusScrape.Series("m", Map.of("a", "b"));
        assertThat(matches("m{a=\"b\"}", series)).isTrue();
        assertThat(matches("m{a=\"c\"}", series)).isFalse();
        assertThat(matches("n", series)).isFalse();
        assertThat(matches("m{x=\"\"}", series)).as("an absent label equals the empty string").isTrue();
    }

    /** Traffic that makes the lazily created meters exist: each step is a real HTTP call. */
    private static void driveTraffic(TradingClient client) {
        String admin = client.admin();
        String buyer = client.newBuyer(); // registration (lock USER_REGISTER), login, real-name check
        client.get("/user/me", buyer); // the user cache: a miss then ...
        client.get("/user/me", buyer); // ... a hit
        String wrong = "{\"telephone\":\"" + TradingClient.ADMIN_PHONE + "\",\"password\":\"not-the-password\"}";
        assertThat(client.post("/user/login", null, wrong).status()).as("a failed login").isNotEqualTo(200);

        long collection = client.openCollection(admin, PRICE, 1, false, Instant.now().minusSeconds(60));
        TradingClient.Answer bought = client.buy(buyer, client.token(buyer, "buy"), collection, 1, PRICE);
        assertThat(bought.ok()).as(bought.toString()).isTrue();
        String late = client.newBuyer();
        TradingClient.Answer soldOut = client.buy(late, client.token(late, "buy"), collection, 1, PRICE);
        assertThat(soldOut.code()).as(soldOut.toString()).isEqualTo("SOLD_OUT");
        TradingClient.Answer forged = client.buy(late, "forged-token", collection, 1, PRICE);
        assertThat(forged.ok()).as("a forged anti-duplicate token").isFalse();
        client.awaitOrder(buyer, bought.data().path("orderId").asText(),
                order -> "CREATED".equals(order.path("state").asText()));
    }

    /** Panel title to the selectors of its targets' expressions. */
    static Map<String, List<String>> selectors(JsonNode dashboard) {
        Map<String, List<String>> byPanel = new LinkedHashMap<>();
        for (JsonNode panel : dashboard.path("panels")) {
            List<String> selectors = new ArrayList<>();
            for (JsonNode target : panel.path("targets")) {
                selectors.addAll(selectorsOf(target.path("expr").asText()));
            }
            byPanel.put(panel.path("title").asText(), selectors);
        }
        return byPanel;
    }

    static List<String> selectorsOf(String expr) {
        // Groupings name labels, ranges hold durations: neither is a metric.
        String cleaned = expr.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^]]*]", " ");
        List<String> selectors = new ArrayList<>();
        Matcher m = SELECTOR.matcher(cleaned);
        while (m.find()) {
            String name = m.group(1);
            int after = m.end(1);
            boolean call = m.group(2) == null && cleaned.substring(after).stripLeading().startsWith("(");
            if (PROMQL_WORDS.contains(name) || call || Character.isDigit(name.charAt(0))) {
                continue;
            }
            selectors.add(m.group(2) == null ? name : name + m.group(2).replaceAll("\\s+", ""));
        }
        return selectors;
    }

    static boolean matches(String selector, PrometheusScrape.Series series) {
        int brace = selector.indexOf('{');
        String name = brace < 0 ? selector : selector.substring(0, brace);
        if (!name.equals(series.name())) {
            return false;
        }
        if (brace < 0) {
            return true;
        }
        Matcher matcher = MATCHER.matcher(selector.substring(brace));
        while (matcher.find()) {
            String actual = series.labels().getOrDefault(matcher.group(1), "");
            String wanted = matcher.group(3);
            boolean ok = switch (matcher.group(2)) {
                case "=" -> actual.equals(wanted);
                case "!=" -> !actual.equals(wanted);
                case "=~" -> actual.matches(wanted);
                default -> !actual.matches(wanted);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
