package io.tradekit.sample.nft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.sample.nft.order.TradingClient;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/callstats} names every facade and remote call of the system: ADMINs only, whatever the
 * spelling; after a buy it lists the facades and remote calls the buy made, with their numbers.
 */
@SampleAppTest
class CallStatsEndpointTest {

    @LocalServerPort
    int port;

    @Test
    void onlyAnAdminReadsTheStatisticsOfTheCallsABuyMade() {
        TradingClient client = new TradingClient(port);
        String buyer = client.newBuyer();
        assertThat(client.get("/actuator/callstats", null).status()).isEqualTo(401);
        assertThat(client.get("/actuator/callstats", buyer).status()).isEqualTo(403);
        for (String spelling : new String[] {"/actuator/callstats/", "/actuator//callstats", "/ACTUATOR/callstats",
            "/actuator/callstats;.js", "/actuator/./callstats", "/actuator/health/../callstats"}) {
            assertThat(client.get(spelling, buyer).status()).as(spelling).isNotEqualTo(200);
        }

        String admin = client.admin();
        long collectionId = client.openCollection(admin, new BigDecimal("1.10"), 2, false, Instant.now().minusSeconds(60));
        JsonNode before = client.get("/actuator/callstats", admin).body();
        TradingClient.Answer bought = client.buy(buyer, client.token(buyer, "buy"), collectionId, 1, new BigDecimal("1.10"));
        assertThat(bought.ok()).as(bought.toString()).isTrue();

        TradingClient.Answer stats = client.get("/actuator/callstats", admin);
        assertThat(stats.status()).isEqualTo(200);
        JsonNode deduct = row(stats.body().path("facades"), "InventoryFacadeImpl.deduct");
        assertThat(deduct.path("count").asLong())
                .isGreaterThan(row(before.path("facades"), "InventoryFacadeImpl.deduct").path("count").asLong(0));
        assertThat(deduct.path("successes").asLong()).isPositive().isLessThanOrEqualTo(deduct.path("count").asLong());
        assertThat(deduct.path("successRate").asDouble())
                .isEqualTo((double) deduct.path("successes").asLong() / deduct.path("count").asLong());
        assertThat(deduct.path("averageMs").asDouble()).isPositive();
        assertThat(deduct.path("p99Ms").asDouble()).isPositive();
        JsonNode remote = row(stats.body().path("remoteCalls"), "InventoryFacade.deduct");
        assertThat(remote.path("count").asLong())
                .isGreaterThan(row(before.path("remoteCalls"), "InventoryFacade.deduct").path("count").asLong(0));
    }

    /** The row of {@code name}, or a missing node. */
    private static JsonNode row(JsonNode rows, String name) {
        for (JsonNode row : rows) {
            if (name.equals(row.path("name").asText())) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
