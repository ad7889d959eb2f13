package io.tradekit.sample.nft.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradekit.sample.nft.SampleAppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** The trading endpoints are described in the OpenAPI document behind /swagger-ui.html. */
@SampleAppTest
class ApiDocsTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void openApiListsTheTradingEndpoints() {
        String docs = http.getForObject("/v3/api-docs", String.class);
        assertThat(docs).contains("/user/register", "/user/login", "/collections/{collectionId}", "/trade/buy",
                "/trade/pay", "/trade/cancel", "\"name\":\"trade\"");
    }
}
