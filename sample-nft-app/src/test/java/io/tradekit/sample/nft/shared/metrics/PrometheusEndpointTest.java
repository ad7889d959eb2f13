package io.tradekit.sample.nft.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import io.tradekit.sample.nft.order.TradingClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/prometheus} names every scene, consumer group, cache and collection of the system: an
 * ADMIN session only, on the application's own port. Real HTTP, real sessions.
 */
@SampleAppTest
class PrometheusEndpointTest {

    @LocalServerPort
    int port;

    @Test
    void anonymousCallersGet401() {
        PrometheusScrape.Answer answer = PrometheusScrape.get(port, null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).contains("UNAUTHORIZED").doesNotContain("tradekit_");
    }

    @Test
    void aBuyerGets403WhateverTheSpelling() {
        TradingClient client = new TradingClient(port);
        String buyer = client.newBuyer();
        PrometheusScrape.Answer answer = PrometheusScrape.get(port, buyer);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("FORBIDDEN").doesNotContain("tradekit_");
        for (String spelling : new String[] {"/actuator/prometheus/", "/actuator//prometheus", "/ACTUATOR/prometheus",
            "/actuator/prometheus;.js", "/actuator/./prometheus", "/actuator/health/../prometheus"}) {
            TradingClient.Answer other = client.get(spelling, buyer);
            assertThat(other.status()).as(spelling).isNotEqualTo(200);
            assertThat(other.body().toString()).as(spelling).doesNotContain("tradekit_");
        }
        assertThat(PrometheusScrape.get(port, "not-a-token").status()).as("a forged token").isEqualTo(401);
    }

    @Test
    void anAdminGetsTheTextFormatWithTheStartersMeters() {
        TradingClient client = new TradingClient(port);
        PrometheusScrape.Answer answer = PrometheusScrape.get(port, client.admin());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/plain");
        assertThat(PrometheusScrape.series(answer.body())).extracting(PrometheusScrape.Series::name)
                .contains("tradekit_sso_logins_total", "tradekit_sso_sessions_active", "sample_order_orders",
                        "sample_onboarding_applications", "tradekit_stock_deductions_total",
                        "http_server_requests_seconds_count");
    }
}
