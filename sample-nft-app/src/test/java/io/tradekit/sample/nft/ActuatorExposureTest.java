package io.tradekit.sample.nft;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.order.TradingClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Anonymous health is a bare {@code {"status":"UP"}}; the link index, info, metrics and the health
 * components are for ADMINs — a buyer's login is not enough.
 */
@SampleAppTest
class ActuatorExposureTest {

    @LocalServerPort
    int port;

    @Test
    void anonymousHealthTellsTheStatusAndNothingElse() {
        TradingClient client = new TradingClient(port);
        TradingClient.Answer health = client.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().toString()).isEqualTo("{\"status\":\"UP\"}");
        String buyer = client.newBuyer();
        assertThat(client.get("/actuator/health", buyer).body().toString()).as("a buyer neither")
                .isEqualTo("{\"status\":\"UP\"}");
        for (String component : new String[] {"/actuator/health/redis", "/actuator/health/db",
            "/actuator/health/diskSpace", "/actuator/health/ping"}) {
            TradingClient.Answer answer = client.get(component, null);
            assertThat(answer.status()).as(component).isNotEqualTo(200);
            assertThat(answer.body().toString()).as(component).doesNotContain("\"status\":\"UP\"");
        }
    }

    @Test
    void theIndexInfoAndComponentsAreForAdmins() {
        TradingClient client = new TradingClient(port);
        String buyer = client.newBuyer();
        String admin = client.admin();
        for (String path : new String[] {"/actuator", "/actuator/", "/actuator/info", "/actuator/metrics"}) {
            assertThat(client.get(path, null).status()).as(path + " anonymous").isEqualTo(401);
            assertThat(client.get(path, buyer).status()).as(path + " buyer").isEqualTo(403);
        }
        for (String spelling : new String[] {"/ACTUATOR", "/actuator;x", "/actuator/./", "/actuator/health/../",
            "/actuator//", "/actuator/%2e", "/Actuator/"}) {
            TradingClient.Answer answer = client.get(spelling, buyer);
            assertThat(answer.status()).as(spelling).isNotEqualTo(200);
        }
        for (String component : new String[] {"/actuator/health/redis", "/actuator/health/db"}) {
            assertThat(client.get(component, buyer).body().toString()).as(component).doesNotContain("\"UP\"");
        }
        TradingClient.Answer index = client.get("/actuator", admin);
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body().path("_links").has("health")).isTrue();
        TradingClient.Answer details = client.get("/actuator/health", admin);
        assertThat(details.status()).isEqualTo(200);
        assertThat(details.body().path("components").has("redis")).as(details.body().toString()).isTrue();
        assertThat(details.body().path("components").has("db")).isTrue();
        assertThat(client.get("/actuator/health/redis", admin).body().path("status").asText()).isEqualTo("UP");
    }
}
