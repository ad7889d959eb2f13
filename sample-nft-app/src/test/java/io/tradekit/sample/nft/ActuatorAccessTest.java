package io.tradekit.sample.nft;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.order.TradingClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Health is public (load balancers probe it); metrics name every scene, consumer group and cache of
 * the system, so only an ADMIN reads them — a buyer's login is not enough, whatever the path's spelling.
 */
@SampleAppTest
class ActuatorAccessTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsPublicMetricsAreForAdminsOnly() {
        TradingClient client = new TradingClient(port);
        String buyer = client.newBuyer();

        assertThat(client.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(client.get("/actuator/metrics", null).status()).isEqualTo(401);
        assertThat(client.get("/actuator/metrics", buyer).status()).isEqualTo(403);
        for (String spelling : new String[] {"/actuator/metrics/", "/actuator//metrics", "/ACTUATOR/metrics",
            "/actuator/metrics;.js", "/actuator/./metrics", "/actuator/health/../metrics"}) {
            assertThat(client.get(spelling, buyer).status()).as(spelling).isNotEqualTo(200);
        }

        TradingClient.Answer metrics = client.get("/actuator/metrics", client.admin());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body().path("names").toString()).contains("http.server.requests");
    }
}
