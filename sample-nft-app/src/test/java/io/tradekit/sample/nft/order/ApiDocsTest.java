package io.tradekit.sample.nft.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradekit.sample.nft.SampleAppTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The OpenAPI document behind /swagger-ui.html: the trading endpoints, the session header as a security
 * scheme (Authorize button) with public paths exempt, the token endpoint and the Idempotency-Key header,
 * and the buy's bean-validation bounds.
 */
@SampleAppTest
class ApiDocsTest {

    @Autowired
    TestRestTemplate http;

    JsonNode docs;

    @BeforeEach
    void read() throws Exception {
        docs = new ObjectMapper().readTree(http.getForObject("/v3/api-docs", String.class));
    }

    @Test
    void openApiListsTheTradingEndpoints() {
        assertThat(docs.path("paths").fieldNames()).toIterable().contains("/user/register", "/user/login",
                "/collections/{collectionId}", "/trade/buy", "/trade/pay", "/trade/cancel", "/trade/orders/{orderId}");
        assertThat(docs.path("tags").findValuesAsText("name")).contains("trade");
    }

    @Test
    void theSessionHeaderIsASecuritySchemeAndPublicPathsNeedNone() {
        JsonNode scheme = docs.at("/components/securitySchemes/session");
        assertThat(scheme.path("type").asText()).isEqualTo("apiKey");
        assertThat(scheme.path("in").asText()).isEqualTo("header");
        assertThat(scheme.path("name").asText()).isEqualTo("tradekit-token");
        assertThat(docs.at("/security/0/session").isArray()).as("required by default").isTrue();

        for (String publicPath : List.of("/user/login", "/user/register", "/onboarding/staff/login")) {
            JsonNode security = docs.at("/paths/" + pointer(publicPath) + "/post/security");
            assertThat(security.isArray() && security.isEmpty()).as("%s is public", publicPath).isTrue();
        }
        assertThat(docs.at("/paths/" + pointer("/collections/{collectionId}") + "/get/security").isEmpty()).isTrue();
        assertThat(docs.at("/paths/" + pointer("/trade/buy") + "/post/security").isMissingNode())
                .as("the buy inherits the session requirement").isTrue();
    }

    @Test
    void theTokenEndpointAndTheIdempotencyKeyAreDocumented() {
        JsonNode issue = docs.at("/paths/" + pointer("/idempotent/token") + "/get");
        assertThat(issue.isMissingNode()).as("GET /idempotent/token").isFalse();
        JsonNode scene = issue.path("parameters").get(0);
        assertThat(scene.path("name").asText()).isEqualTo("scene");
        assertThat(scene.path("in").asText()).isEqualTo("query");
        assertThat(scene.path("required").asBoolean()).isTrue();
        List<String> scenes = new ArrayList<>();
        scene.at("/schema/enum").forEach(s -> scenes.add(s.asText()));
        assertThat(scenes).containsExactlyInAnyOrder("buy", "pay");
        assertThat(issue.at("/responses/200/content/application~1json/schema/properties/data/format").asText())
                .isEqualTo("uuid");

        for (String operation : List.of("/trade/buy", "/trade/pay")) {
            JsonNode header = header(docs.at("/paths/" + pointer(operation) + "/post/parameters"), "Idempotency-Key");
            assertThat(header).as("Idempotency-Key of %s", operation).isNotNull();
            assertThat(header.path("required").asBoolean()).isTrue();
            assertThat(header.path("description").asText()).contains("/idempotent/token?scene=");
        }
        assertThat(docs.at("/paths/" + pointer("/trade/cancel") + "/post/summary").asText())
                .contains("No Idempotency-Key");
        assertThat(docs.at("/paths/" + pointer("/trade/pay") + "/post/summary").asText())
                .contains("ORDER_NOT_READY");
    }

    @Test
    void theBuysQuantityLimitComesFromItsValidationConstraints() {
        JsonNode buy = docs.at("/paths/" + pointer("/trade/buy") + "/post/requestBody/content/application~1json/schema");
        String ref = buy.path("$ref").asText();
        assertThat(ref).startsWith("#/components/schemas/");
        JsonNode schema = docs.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
        assertThat(schema.at("/properties/quantity/minimum").asInt()).isEqualTo(1);
        assertThat(schema.at("/properties/quantity/maximum").asInt()).isEqualTo(10);
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        assertThat(required).contains("collectionId", "quantity");
    }

    private static JsonNode header(JsonNode parameters, String name) {
        for (JsonNode p : parameters) {
            if ("header".equals(p.path("in").asText()) && name.equals(p.path("name").asText())) {
                return p;
            }
        }
        return null;
    }

    /** A path as one JSON-pointer segment ({@code /} is {@code ~1}). */
    private static String pointer(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }
}
