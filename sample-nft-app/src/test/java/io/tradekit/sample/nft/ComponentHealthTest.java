package io.tradekit.sample.nft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradekit.sample.nft.order.TradingClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Health per component over HTTP: every server the starters talk to has its component (the remote
 * cache, the lock's, the stock's and the tokens' Redis, RocketMQ, the Dubbo registry), each with its
 * details, for an ADMIN session only; anonymous callers and buyers see the overall status and nothing
 * else, and cannot ask for a component by name.
 */
@SampleAppTest
class ComponentHealthTest {

    /** The starters' components: tradekit's own, not Spring Boot's {@code redis} or {@code db}. */
    static final String[] COMPONENTS = {"remoteCache", "distributeLock", "stock", "idempotentToken", "rocketmq",
        "dubboRegistry"};

    @LocalServerPort
    int port;

    @Test
    void anAdminSeesEveryComponentUpWithItsDetails() {
        TradingClient client = new TradingClient(port);
        TradingClient.Answer health = client.get("/actuator/health", client.admin());
        assertThat(health.status()).isEqualTo(200);
        JsonNode components = health.body().path("components");
        for (String name : COMPONENTS) {
            assertThat(components.path(name).path("status").asText()).as(name + " in " + components).isEqualTo("UP");
            assertThat(components.path(name).path("details").isObject()).as(name + " details").isTrue();
        }
        assertThat(components.path("distributeLock").path("details").path("client").asText()).isEqualTo("redisson");
        assertThat(components.path("stock").path("details").path("ping").asText()).isEqualTo("PONG");
        assertThat(components.path("stock").path("details").path("scriptsLoaded").asText()).matches("\\d/7");
        assertThat(components.path("idempotentToken").path("details").path("ping").asText()).isEqualTo("PONG");

        JsonNode rocketmq = components.path("rocketmq").path("details");
        assertThat(rocketmq.path("nameServer").asText()).startsWith("127.0.0.1:");
        assertThat(rocketmq.path("brokers").size()).isPositive();
        assertThat(rocketmq.path("producer").path("online").asBoolean()).as(rocketmq.toString()).isTrue();
        assertThat(rocketmq.path("consumers").size()).as("the sample's consumer groups").isPositive();
        rocketmq.path("consumers").forEach(consumer -> {
            assertThat(consumer.path("lag").isIntegralNumber()).as(consumer.toString()).isTrue();
            assertThat(consumer.path("deadLetters").isIntegralNumber()).as(consumer.toString()).isTrue();
        });

        JsonNode registries = components.path("dubboRegistry").path("details").path("registries");
        assertThat(registries.size()).isPositive();
        registries.fields().forEachRemaining(registry -> {
            assertThat(registry.getKey()).startsWith("zookeeper://127.0.0.1:");
            assertThat(registry.getValue().asText()).isEqualTo("connected");
        });

        TradingClient.Answer one = client.get("/actuator/health/rocketmq", client.admin());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().path("details").path("producer").path("online").asBoolean()).isTrue();
    }

    @Test
    void anonymousCallersAndBuyersSeeTheStatusOnly() {
        TradingClient client = new TradingClient(port);
        String buyer = client.newBuyer();
        for (String session : new String[] {null, buyer}) {
            String who = session == null ? "anonymous" : "buyer";
            TradingClient.Answer health = client.get("/actuator/health", session);
            assertThat(health.status()).as(who).isEqualTo(200);
            assertThat(health.body().toString()).as(who).isEqualTo("{\"status\":\"UP\"}");
            for (String name : COMPONENTS) {
                TradingClient.Answer component = client.get("/actuator/health/" + name, session);
                assertThat(component.status()).as(who + " " + name).isNotEqualTo(200);
                assertThat(String.valueOf(component.body())).as(who + " " + name).doesNotContain("\"UP\"")
                        .doesNotContain("details").doesNotContain("127.0.0.1");
            }
        }
    }
}
